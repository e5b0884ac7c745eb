// Any fixed origin will do: a callback is accepted only if it resolves to this same origin.
const SITE = "https://site.invalid";

/**
 * Only same-site paths may be a post-sign-in destination: an open redirect would help phishing.
 * The value is parsed as a browser would parse it, because browsers drop tabs and line breaks and
 * read a backslash as a slash: `/\t/evil.example` and `/\evil.example` both lead off-site. What is
 * returned is the parsed, normalised path, so the browser cannot read it differently.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/lessons"): string {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A normalised path can still begin with two slashes (`/.//evil.example`): protocol-relative.
  return url.origin === SITE && !path.startsWith("//") ? path : fallback;
}

/**
 * next-auth's `redirect` callback: where sign-in and sign-out send the browser, from the
 * `callbackUrl` parameter or cookie. next-auth's default parses anything that is not a path with
 * `new URL` unguarded, so a sign-out form posting a value that is no URL at all ("nonsense",
 * "http://[::1") answered 500. Here an absolute URL on the site's own origin is kept, as its path; a
 * path is read as safeCallbackUrl reads it; anything else lands on the site's home page.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  let path = url;
  if (!url.startsWith("/")) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return `${origin}/`;
    }
    if (parsed.origin !== origin) return `${origin}/`;
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  return `${origin}${safeCallbackUrl(path, "/")}`;
}

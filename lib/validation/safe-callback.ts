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

/**
 * A request's path as the router matches it: backslashes read as slashes and repeated slashes
 * collapsed, dot segments resolved (`%2e` counts as a dot, as in URLs), then percent-escapes
 * decoded. A decision made on a path ("is this next-auth's?") must be made on this, or it can be
 * dodged by writing the path another way: `/api/./auth/`, `/api//auth/`, `/api/%61uth/`.
 * Null when an escape is malformed.
 */
export function routedPath(url: string): string | null {
  const raw = url
    .split(/[?#]/, 1)[0]
    .replace(/\\/g, "/")
    .replace(/\/{2,}/g, "/");
  // Collapsed first, so that `//host/…` cannot read as another host.
  const resolved = new URL(raw.startsWith("/") ? raw : `/${raw}`, "http://localhost").pathname;
  try {
    return decodeURIComponent(resolved);
  } catch {
    return null;
  }
}

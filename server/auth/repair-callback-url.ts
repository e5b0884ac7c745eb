import "server-only";
import { cookies } from "next/headers";

/** next-auth's callback-url cookie, under either name it uses (`__Secure-` behind https). */
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The check next-auth makes of a callbackUrl in the query or its cookie (core/lib/assert.js). */
function passesNextAuthCheck(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth checks a callbackUrl in the query string, or in its callback-url cookie, before anything
 * else, and answers one that is not an http(s) URL ("nonsense", "http://[::1", "javascript:…") with
 * a 500 on every auth route, sign-out included. Such a request is sent back to the same address with
 * `callbackUrl=/` and the cookie cleared, so that it lands on the home page, as any callbackUrl off
 * the site does (the redirect callback, safeRedirectUrl, reads the rest). Null: nothing to repair.
 */
export async function repairCallbackUrl(request: Request): Promise<Response | null> {
  const url = new URL(request.url);
  const headers = new Headers({ "cache-control": "no-store" });
  let repaired = false;
  const param = url.searchParams.get("callbackUrl");
  if (param !== null && !passesNextAuthCheck(param, url.origin)) {
    url.searchParams.set("callbackUrl", "/");
    repaired = true;
  }
  const jar = await cookies();
  for (const name of CALLBACK_COOKIES) {
    const value = jar.get(name)?.value;
    if (value === undefined || passesNextAuthCheck(value, url.origin)) continue;
    const secure = name.startsWith("__Secure-") ? "; Secure" : "";
    headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
    repaired = true;
  }
  if (!repaired) return null;
  // 307 keeps the method and the body: a sign-out form posted again signs out as it was asked to.
  headers.set("location", `${url.pathname}${url.search}`);
  return new Response(null, { status: 307, headers });
}

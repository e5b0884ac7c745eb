// The production server: Next's documented custom-server API around the same request handler that
// `next start` uses. It exists so that the app, not the client, decides these things before Next
// sees a request (README, "Reliability and security"):
// - the client's address, from the socket and TRUSTED_PROXY_HOPS: Next passes a client-sent
//   X-Forwarded-For through as it is, which would let a client pick the address it is throttled by;
//   and X-Forwarded-Host, kept only as the trusted proxies wrote it;
// - where to listen: on the loopback address only unless NEXTAUTH_URL names another host;
// - a body cap on every request (4 MiB), and a tighter one on next-auth's routes (64 KiB), which read
//   a form of any size; a body without a declared length (chunked) is refused, so none is read whole
//   before it is measured. Path decisions are made on the path as the router reads it (routedPath);
// - a clear 400 for a path with malformed percent-encoding, which Next answers with a bare 500.
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { oidcClientSettings } from "@/lib/auth/sso-config";
import { clientAddress, forwardedValue } from "@/lib/auth/throttle";
import { DeploymentError, resolveDeployment, trustedProxyHops } from "@/lib/deployment";
import { routedPath } from "@/lib/http/routed-path";
import { baseSecurityHeaders, contentSecurityPolicy } from "@/lib/security-headers";

const MAX_AUTH_BODY_BYTES = 64 * 1024;
/** Above any body the app reads: a JSON route's own cap (server/http/route.ts) says more, below it. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
// The answers this server gives itself carry the headers proxy.ts gives every other response.
const ERROR_HEADERS = {
  ...baseSecurityHeaders(true),
  "Content-Security-Policy": contentSecurityPolicy("'unsafe-inline'", true),
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
  Connection: "close",
};

function refuse(response: ServerResponse, status: number, code: string, message: string) {
  response.writeHead(status, ERROR_HEADERS);
  response.end(JSON.stringify({ error: { code, message } }));
}

function fail(message: string): never {
  console.error(`start: ${message}`);
  process.exit(1);
}

let deployment: ReturnType<typeof resolveDeployment>;
let trustedHops: number;
try {
  deployment = resolveDeployment(process.env);
  trustedHops = trustedProxyHops(process.env);
} catch (error) {
  if (error instanceof DeploymentError) fail(error.message);
  throw error;
}
// A partial single sign-on set would fail only when someone pressed the button: stop now instead.
try {
  oidcClientSettings({
    OIDC_ISSUER: process.env.OIDC_ISSUER,
    OIDC_CLIENT_ID: process.env.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: process.env.OIDC_CLIENT_SECRET,
    OIDC_NAME: process.env.OIDC_NAME ?? "",
  });
} catch (error) {
  fail((error as Error).message);
}
// next-auth reads its own URL from here for redirects and callbacks.
process.env.NEXTAUTH_URL = deployment.url;

const app = next({ dev: false, hostname: deployment.host, port: deployment.port });
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  const forwardedFor = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = clientAddress(
    request.socket.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    trustedHops,
  );
  // The same-origin checks (ours and Next's) read the host from X-Forwarded-Host when it is there:
  // only a trusted proxy may set it.
  const forwardedHost = forwardedValue(
    [request.headers["x-forwarded-host"] ?? []].flat().join(","),
    trustedHops,
  );
  if (forwardedHost) request.headers["x-forwarded-host"] = forwardedHost;
  else delete request.headers["x-forwarded-host"];
  const path = routedPath(request.url ?? "/");
  if (path === null) {
    refuse(response, 400, "bad_request", "The address has malformed percent-encoding.");
    return;
  }
  const auth = path.startsWith("/api/auth/");
  const declared = request.headers["content-length"];
  if (
    request.headers["transfer-encoding"] !== undefined ||
    (auth && request.method === "POST" && declared === undefined)
  ) {
    refuse(response, 411, "length_required", "The request must say how long its body is.");
    return;
  }
  const cap = auth ? MAX_AUTH_BODY_BYTES : MAX_BODY_BYTES;
  if (Number(declared ?? 0) > cap) {
    refuse(
      response,
      413,
      "payload_too_large",
      `The request body is larger than ${cap / 1024} KiB.`,
    );
    return;
  }
  void handle(request, response);
});

void app.prepare().then(() => {
  server.listen(deployment.port, deployment.host, () => {
    console.log(
      `> Ready on ${deployment.url} (listening on ${deployment.host}:${deployment.port})`,
    );
  });
});

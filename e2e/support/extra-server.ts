import { spawn } from "node:child_process";
import { BASE_PORT } from "../../playwright.config";

/**
 * One more instance of the app's server (scripts/serve.ts) on the e2e database, with settings of its
 * own: for the tests that need another port, another proxy setting or no NEXTAUTH_URL. `offset` picks
 * its port after the two instances Playwright starts.
 */
export async function startExtraServer(offset: number, env: Record<string, string | undefined>) {
  const port = BASE_PORT + offset;
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
      // The secret the other instances use (scripts/e2e-server.sh), as behind one load balancer.
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: undefined,
      TRUSTED_PROXY_HOPS: undefined,
      ...env,
      PORT: String(port),
    },
    stdio: "ignore",
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, stop: () => void server.kill("SIGTERM") };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGKILL");
  throw new Error(`the extra server on port ${port} did not start`);
}

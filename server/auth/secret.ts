import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const LOCAL_SECRET_FILE = path.join(".secrets", "nextauth-secret");

/**
 * The secret that signs session tokens. Production needs NEXTAUTH_SECRET (every instance behind a load
 * balancer must share it), or the local file that `npm start` writes on a machine's first run. In
 * development the local file is created on demand, so that a fresh clone needs no setup.
 */
export function getAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.resolve(process.cwd(), LOCAL_SECRET_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  if (env.NODE_ENV === "production") {
    throw new Error(
      `NEXTAUTH_SECRET is not set. Production needs a secret shared by every app instance: ` +
        `set NEXTAUTH_SECRET (for example from \`openssl rand -base64 32\`), or run \`npm start\`, which creates ${LOCAL_SECRET_FILE} for a single machine.`,
    );
  }
  return writeLocalSecret(file);
}

export function writeLocalSecret(file = path.resolve(process.cwd(), LOCAL_SECRET_FILE)): string {
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // "wx" refuses to overwrite: two processes starting at once keep the first secret.
  try {
    fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}

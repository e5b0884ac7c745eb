import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const LOCAL_SECRET_FILE = ".secrets/nextauth-secret";

function readLocalSecret(): string | undefined {
  const file = path.join(process.cwd(), ".secrets", "nextauth-secret");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : undefined;
}

let cached: string | undefined;

/**
 * The secret that signs session tokens. Production needs NEXTAUTH_SECRET (every instance behind a load
 * balancer must share it), or the local file that `npm start` writes on a machine's first run. In
 * development the local file is created on demand, so that a fresh clone needs no setup.
 */
export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  cached ??= readLocalSecret();
  if (cached) return cached;
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      `NEXTAUTH_SECRET is not set. Production needs a secret shared by every app instance: ` +
        `set NEXTAUTH_SECRET (for example from \`openssl rand -base64 32\`), or run \`npm start\`, which creates ${LOCAL_SECRET_FILE} for a single machine.`,
    );
  }
  cached = writeLocalSecret();
  return cached;
}

/** Creates the local secret file; when another process won the race, returns the secret it wrote. */
export function writeLocalSecret(): string {
  const dir = path.join(process.cwd(), ".secrets");
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // "wx" refuses to overwrite: two processes starting at once keep the first secret.
    fs.writeFileSync(path.join(dir, "nextauth-secret"), secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return readLocalSecret() ?? secret;
  }
}

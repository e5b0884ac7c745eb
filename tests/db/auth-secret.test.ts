import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const cwd = process.cwd();

afterEach(() => {
  process.chdir(cwd);
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function secretModule(env: Record<string, string | undefined>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secret-"));
  process.chdir(dir);
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return { dir, ...(await import("@/server/auth/secret")) };
}

describe("the session secret", () => {
  it("is required in production, with a message saying what to set", async () => {
    const { getAuthSecret } = await secretModule({ NODE_ENV: "production", NEXTAUTH_SECRET: "" });
    expect(() => getAuthSecret()).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("is generated once into a git-ignored local file in development", async () => {
    const { getAuthSecret, dir } = await secretModule({
      NODE_ENV: "development",
      NEXTAUTH_SECRET: "",
    });
    const secret = getAuthSecret();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(fs.readFileSync(path.join(dir, ".secrets", "nextauth-secret"), "utf8")).toBe(secret);
    expect(fs.readFileSync(path.join(cwd, ".gitignore"), "utf8")).toMatch(/^\/\.secrets\/$/m);
  });

  it("prefers NEXTAUTH_SECRET", async () => {
    const { getAuthSecret } = await secretModule({
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "from-env",
    });
    expect(getAuthSecret()).toBe("from-env");
  });
});

// npm start: prepares this machine, then serves the production build on PORT (default 3000),
// on localhost only unless NEXTAUTH_URL names another host (lib/deployment.ts).
// On a fresh clone that means: migrate and seed the database named by DATABASE_URL (an embedded
// SQLite file by default), write a local session secret when none is configured, and build once.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (script) => execFileSync(npm, ["run", "--silent", script], { stdio: "inherit", env });

run("db:migrate");
run("db:seed");

// A single machine can keep its session secret in a git-ignored file; several instances behind a
// load balancer must share NEXTAUTH_SECRET instead (see README, "Deploying on PostgreSQL").
if (!env.NEXTAUTH_SECRET) run("auth:secret");

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || env.REBUILD === "1") run("build");

// The app's own server (scripts/serve.ts): Next's request handler behind a socket the app controls.
const server = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "scripts", "serve.ts")],
  {
    stdio: "inherit",
    env,
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

// Throwaway databases and production servers for the bench.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";

export type DatabaseKind = "sqlite" | "postgresql";

/** Every server of a run signs sessions with this: instances behind one load balancer share it. */
export const BENCH_SECRET = "bench-secret-not-for-production";

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function throwawayDatabase(
  kind: DatabaseKind,
  name: string,
  workDir: string,
): Promise<ThrowawayDatabase> {
  if (kind === "sqlite") {
    const file = path.join(workDir, `${name}.db`);
    const remove = () => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    };
    remove();
    return { url: `file:${file}`, drop: async () => remove() };
  }
  const admin = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const db = `bench_${name.replace(/\W/g, "_")}_${process.pid}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await run(`CREATE DATABASE "${db}"`);
  const url = new URL(admin);
  url.pathname = `/${db}`;
  return {
    url: url.toString(),
    drop: () => run(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`),
  };
}

export interface Server {
  base: string;
  port: number;
  /** The server's process: the app's server (scripts/serve.ts) serves in the process it runs in. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The app's own server (scripts/serve.ts, as `npm start` runs it) for the build in `dir`, on the
 * given database, behind one trusted proxy hop as behind a load balancer; resolves once /api/health
 * answers.
 */
export async function startServer(dir: string, port: number, databaseUrl: string): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(dir, "scripts/serve.ts")],
    {
      cwd: dir,
      env: {
        ...process.env,
        PORT: String(port),
        TRUSTED_PROXY_HOPS: "1",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: BENCH_SECRET,
        NEXTAUTH_URL: base,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill();
    await exited;
  };
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, port, pid: child.pid!, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server on port ${port} did not start`);
}

/** The cookie next-auth itself issues at sign-in: the user id and session version, signed. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({
    token: { uid: userId, sv: 0, sub: userId, authTime: Math.floor(Date.now() / 1000) },
    secret: BENCH_SECRET,
  });
  return `next-auth.session-token=${token}`;
}

/** CPU time a process has used so far, from /proc (Linux); null where there is none. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime (fields 14 and 15 of the whole line), in clock ticks: 100 a second on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

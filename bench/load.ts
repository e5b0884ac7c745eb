import http from "node:http";

export interface LoadOptions {
  url: string;
  method?: "GET" | "POST" | "PUT";
  connections: number;
  /** Stop after this long, or after `amount` requests, whichever comes first. */
  durationMs?: number;
  amount?: number;
  /** Request i's headers and body; lets every request carry its own session and attempt. */
  request?: (i: number) => { path?: string; headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50ms: number;
  p95ms: number;
  statuses: Record<number, number>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * A closed-loop load generator, like autocannon: `connections` keep-alive connections, each sending
 * its next request as soon as the previous answer arrives. Latency is measured per request.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let issued = 0;
  const started = performance.now();
  const deadline = options.durationMs ? started + options.durationMs : Infinity;
  const limit = options.amount ?? Infinity;

  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const extra = options.request?.(i) ?? {};
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          hostname: url.hostname,
          port: url.port,
          path: extra.path ?? url.pathname + url.search,
          method: options.method ?? "GET",
          headers: extra.headers,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - t0);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on("error", () => {
        statuses[0] = (statuses[0] ?? 0) + 1;
        resolve();
      });
      req.end(extra.body);
    });

  const worker = async () => {
    while (issued < limit && performance.now() < deadline) await one(issued++);
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: Math.round(latencies.length / elapsed),
    p50ms: round(percentile(sorted, 50)),
    p95ms: round(percentile(sorted, 95)),
    statuses,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

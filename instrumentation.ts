// Next's documented hook for code that runs once when a server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/server/db/client");
  const { startBackgroundJobs } = await import("@/server/jobs/background-jobs");
  startBackgroundJobs(getDb);
}

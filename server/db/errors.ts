/** Whether a Prisma error is a unique constraint refusing a second row with the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

interface DriverAdapterMeta {
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
}

/**
 * Whether a transaction failed only because another one wrote at the same time, so that running it
 * again will do: PostgreSQL's serialization failure or deadlock (P2034), or SQLite's busy database.
 * SQLite reports SQLITE_BUSY_SNAPSHOT when a transaction that has read tries to write after another
 * process (a second app instance, a script) wrote since; the driver adapter passes it on as a
 * timeout, P1008, with SQLite's own code beside it.
 */
export function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  if (code === "P2034") return true;
  const original = (error as DriverAdapterMeta)?.meta?.driverAdapterError?.cause?.originalCode;
  return code === "P1008" && typeof original === "string" && original.startsWith("SQLITE_BUSY");
}

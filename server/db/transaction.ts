import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { Prisma } from "@/generated/sqlite/client";
import type { Db } from "./client";
import { isWriteConflict } from "./errors";

/** How many times a transaction runs before a write conflict is given up on (and answered 503). */
const ATTEMPTS = 4;

type TransactionOptions = Parameters<Db["$transaction"]>[1];

/**
 * Runs `work` in one interactive transaction, again from the start when it lost a race to another
 * writer (isWriteConflict): the retry Prisma's documentation prescribes for P2034. Every
 * transaction that writes goes through here. SQLite needs it whenever a second process shares the
 * file, since a transaction that reads before it writes cannot take the write lock once another
 * process has written since. `work` must do nothing but database work, as it may run more than once.
 */
export async function transaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, options);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isWriteConflict(error)) throw error;
      // A random pause, growing with each try, so that two writers that collided do not collide again.
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/sqlite/client";
import type { Db } from "@/server/db/client";

export type TokenPurpose = "PASSWORD_RESET" | "EMAIL_VERIFICATION";
type Tx = Db | Prisma.TransactionClient;

/** SHA-256 of the token, as stored: a copy of the database holds no usable link. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token: 32 random bytes, base64url, for the link, and the hash to store in its place. */
export function mintToken(
  ttlMs: number,
  now = new Date(),
): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs) };
}

/** Stores a new token for the user and returns it; only its hash is kept. */
export async function issueToken(
  db: Tx,
  userId: string,
  purpose: TokenPurpose,
  ttlMs: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash, expiresAt } = mintToken(ttlMs, now);
  await db.emailToken.create({ data: { userId, purpose, tokenHash, expiresAt, createdAt: now } });
  return { token, expiresAt };
}

/**
 * Uses a token up: the user's id, or null when it is unknown, of another purpose, used or expired.
 * The conditional update is the claim: it takes the row lock and re-checks usedAt, so of two
 * concurrent uses exactly one affects the row and wins.
 */
export async function consumeToken(
  db: Tx,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<string | null> {
  // A token is 43 base64url characters; anything else cannot match and is not worth a query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, purpose: true },
  });
  if (!row || row.purpose !== purpose) return null;
  const { count } = await db.emailToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1 ? row.userId : null;
}

/** Ends every unused token of the user for one purpose (a reset ends the other reset links). */
export async function retireTokens(
  db: Tx,
  userId: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<void> {
  await db.emailToken.updateMany({
    where: { userId, purpose, usedAt: null },
    data: { usedAt: now },
  });
}

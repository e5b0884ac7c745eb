import "server-only";
import type { Role } from "@/generated/sqlite/enums";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";

/** The demo accounts' password, published in the README: they may exist only on a local server. */
export const DEMO_PASSWORD = "learn-aws-2026";

export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "learner@example.com", name: "Demo Learner", role: "LEARNER" },
  { email: "instructor@example.com", name: "Demo Instructor", role: "INSTRUCTOR" },
  { email: "admin@example.com", name: "Demo Admin", role: "ADMIN" },
];

export const DEMO_TEAM = { name: "Demo Team", inviteCode: "DEMO-TEAM-2026" };

export function isDemoEmail(email: string): boolean {
  return DEMO_USERS.some((demo) => demo.email === email.toLowerCase());
}

/**
 * Runs `create` once per key, ever. The key is recorded in the same transaction as what it creates,
 * so what an admin later changes or deletes (a rotated invite code, a removed member, a deleted demo
 * account) is never brought back by the next start. `adopt` finds a thing an older seed made before
 * keys were recorded, so that upgrading does not make it twice.
 */
async function seedOnce<T>(
  db: Db,
  key: string,
  adopt: () => Promise<T | null>,
  create: (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0]) => Promise<T>,
): Promise<T | null> {
  if (await db.seedRecord.findUnique({ where: { key } })) return null;
  return db.$transaction(async (tx) => {
    await tx.seedRecord.create({ data: { key } });
    return (await adopt()) ?? create(tx);
  });
}

/**
 * Demo accounts, the Demo Team and its two members, each created once (see seedOnce). Accounts that
 * exist keep their password and progress.
 */
export async function seedDemo(db: Db) {
  const users: Record<string, string> = {};
  for (const demo of DEMO_USERS) {
    const user = await seedOnce(
      db,
      `demo-user:${demo.email}`,
      () => db.user.findUnique({ where: { email: demo.email }, select: { id: true } }),
      async (tx) =>
        tx.user.create({
          data: { ...demo, passwordHash: await hashPassword(DEMO_PASSWORD) },
          select: { id: true },
        }),
    );
    if (user) users[demo.email] = user.id;
  }
  const team = await seedOnce(
    db,
    "demo-team",
    () => db.team.findUnique({ where: { inviteCode: DEMO_TEAM.inviteCode }, select: { id: true } }),
    (tx) => tx.team.create({ data: DEMO_TEAM, select: { id: true } }),
  );
  if (!team) return { created: Object.keys(users).length };
  const members: Array<[string | undefined, "INSTRUCTOR" | "MEMBER"]> = [
    [users["instructor@example.com"], "INSTRUCTOR"],
    [users["learner@example.com"], "MEMBER"],
  ];
  for (const [userId, role] of members) {
    if (!userId) continue;
    await db.teamMembership.upsert({
      where: { teamId_userId: { teamId: team.id, userId } },
      create: { teamId: team.id, userId, role },
      update: {},
    });
  }
  return { created: Object.keys(users).length + 1 };
}

/** The demo accounts present in this database, by email. */
export async function findDemoAccounts(db: Db): Promise<string[]> {
  const found = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((demo) => demo.email) } },
    select: { email: true },
  });
  return found.map((user) => user.email);
}

/** Deletes the demo accounts (and, through the schema's cascades, their progress and memberships). */
export async function removeDemoAccounts(db: Db): Promise<number> {
  const { count } = await db.user.deleteMany({
    where: { email: { in: DEMO_USERS.map((demo) => demo.email) } },
  });
  return count;
}

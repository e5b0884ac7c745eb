import "server-only";
import type { Role } from "@/generated/sqlite/enums";
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";

export const DEMO_PASSWORD = "learn-aws-2026";

export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "learner@example.com", name: "Demo Learner", role: "LEARNER" },
  { email: "instructor@example.com", name: "Demo Instructor", role: "INSTRUCTOR" },
  { email: "admin@example.com", name: "Demo Admin", role: "ADMIN" },
];

export const DEMO_TEAM = { name: "Demo Team", inviteCode: "DEMO-TEAM-2026" };

/** Demo accounts and the Demo Team. Idempotent: existing accounts keep their password and progress. */
export async function seedDemo(db: Db) {
  const users: Record<string, string> = {};
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({
      where: { email: demo.email },
      select: { id: true },
    });
    const user =
      existing ??
      (await db.user.create({
        data: { ...demo, passwordHash: await hashPassword(DEMO_PASSWORD) },
        select: { id: true },
      }));
    users[demo.email] = user.id;
  }
  const team = await db.team.upsert({
    where: { inviteCode: DEMO_TEAM.inviteCode },
    create: DEMO_TEAM,
    update: {},
  });
  const members: Array<[string, "INSTRUCTOR" | "MEMBER"]> = [
    [users["instructor@example.com"], "INSTRUCTOR"],
    [users["learner@example.com"], "MEMBER"],
  ];
  for (const [userId, role] of members) {
    await db.teamMembership.upsert({
      where: { teamId_userId: { teamId: team.id, userId } },
      create: { teamId: team.id, userId, role },
      update: {},
    });
  }
  return { users, teamId: team.id };
}

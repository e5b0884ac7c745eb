import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteAccount, DELETED_NAME } from "@/server/account/delete-account";
import { deleteOwnAccount, RECENT_SIGN_IN_MINUTES } from "@/server/account/delete-own-account";
import { findInactiveAccounts, runRetention } from "@/server/account/retention";
import { deleteUser } from "@/server/admin/delete-user";
import { changeRole, listUsers } from "@/server/admin/change-role";
import { hashPassword } from "@/server/auth/password";
import { HttpError } from "@/server/http/errors";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { exportTeamCsv } from "@/server/teams/export-team-csv";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { joinTeam } from "@/server/teams/join-team";
import { expectHttp } from "../support/expect-http";
import { netNote } from "../support/net-note";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [netNote()]);
  await person("teacher", "INSTRUCTOR");
  await person("root", "ADMIN");
});

afterAll(async () => {
  await t.drop();
});

/** A quiz on Net, submitted: Edge right, Firewall as given. */
async function takeQuiz(userId: string, firewall: "AWS" | "CUSTOMER") {
  const { attemptId, items } = await startQuizAttempt(t.db, userId, "net");
  await submitAttempt(
    t.db,
    userId,
    attemptId,
    items.map((i) => ({ itemId: i.id, choice: i.prompt === "Edge" ? "AWS" : firewall })),
  );
  return attemptId;
}

/** What item statistics are made of: the team's counts and every answer per item. */
async function itemStatistics(teamId: string) {
  const progress = await getTeamProgress(t.db, people.teacher, teamId);
  const answers = await t.db.answer.groupBy({
    by: ["itemId", "correct"],
    _count: { _all: true },
    orderBy: [{ itemId: "asc" }, { correct: "asc" }],
  });
  return {
    items: progress.items.map((i) => [
      i.prompt,
      i.attempts,
      i.correctRate,
      i.commonWrongChoice,
      i.commonWrongRate,
    ]),
    answers,
  };
}

async function errorOf(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe("account deletion", () => {
  it("[RIGHTS] erases personal data field by field, keeps answers unattributed, and item statistics hold", async () => {
    const ada = await person("ada");
    const bob = await person("bob");
    const team = await createTeam(t.db, people.teacher, "Rights team");
    await joinTeam(t.db, ada, team.inviteCode);
    await joinTeam(t.db, bob, team.inviteCode);
    const attemptId = await takeQuiz(ada.id, "AWS");
    await takeQuiz(bob.id, "CUSTOMER");
    const item = await t.db.item.findFirstOrThrow({ where: { noteSlug: "net" } });
    await t.db.itemReport.create({
      data: { itemId: item.id, userId: ada.id, reason: "UNCLEAR", comment: "Ada here: unclear." },
    });
    await t.db.user.update({
      where: { id: ada.id },
      data: { emailVerifiedAt: new Date(), lastActiveAt: new Date() },
    });
    await t.db.ssoAccount.create({
      data: { provider: "oidc", subject: "ada-sub", userId: ada.id },
    });
    await t.db.emailToken.create({
      data: {
        userId: ada.id,
        purpose: "PASSWORD_RESET",
        tokenHash: "ada-token-hash",
        expiresAt: new Date(Date.now() + DAY),
      },
    });
    const assignment = await t.db.assignment.create({
      data: { teamId: team.id, kind: "NOTES", title: "Net", targetLevel: 1, dueAt: new Date() },
    });
    await t.db.assignmentExtension.create({
      data: { assignmentId: assignment.id, userId: ada.id, dueAt: new Date(Date.now() + DAY) },
    });
    const before = await itemStatistics(team.id);
    expect(before.items).toHaveLength(2);
    const { sessionVersion } = await t.db.user.findUniqueOrThrow({ where: { id: ada.id } });
    const cards = await t.db.reviewCard.count({ where: { userId: ada.id } });
    expect(cards).toBeGreaterThan(0);

    await deleteAccount(t.db, { userId: ada.id, actorId: ada.id, by: "self", address: "10.0.0.7" });

    const gone = await t.db.user.findUniqueOrThrow({ where: { id: ada.id } });
    expect(gone.name).toBe(DELETED_NAME);
    // Random hex at a domain that names nobody: nothing of the old address is left. (A check for
    // the letters "ada" would fail now and then: the hex spells them by chance.)
    expect(gone.email).toMatch(/^deleted-[0-9a-f]{24}@deleted\.invalid$/);
    expect(gone.passwordHash).toBeNull();
    expect(gone.emailVerifiedAt).toBeNull();
    expect(gone.weeklyDigest).toBe(false);
    expect(gone.lastActiveAt).toBeNull();
    expect(gone.role).toBe("LEARNER");
    expect(gone.deletedAt).toBeInstanceOf(Date);
    // Every session token carries the old version, so every session ended.
    expect(gone.sessionVersion).toBe(sessionVersion + 1);
    const where = { userId: ada.id };
    expect(await t.db.ssoAccount.count({ where })).toBe(0);
    expect(await t.db.emailToken.count({ where })).toBe(0);
    expect(await t.db.teamMembership.count({ where })).toBe(0);
    expect(await t.db.assignmentExtension.count({ where })).toBe(0);
    expect(await t.db.noteProgress.count({ where })).toBe(0);
    expect(await t.db.masteryEvent.count({ where })).toBe(0);
    const report = await t.db.itemReport.findFirstOrThrow({ where: { itemId: item.id } });
    expect(report).toMatchObject({ userId: null, comment: null, reason: "UNCLEAR" });

    // The answers stay, on the anonymous row, and every item statistic is as it was.
    const attempt = await t.db.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      include: { answers: true },
    });
    expect(attempt.userId).toBe(ada.id);
    expect(attempt.answers).toHaveLength(2);
    expect(await t.db.reviewCard.count({ where })).toBe(cards);
    expect(await itemStatistics(team.id)).toEqual(before);

    // Gone from the team's dashboard and CSV, and from the admin's list of users.
    const progress = await getTeamProgress(t.db, people.teacher, team.id);
    expect(progress.learners.map((l) => l.name)).toEqual(["bob"]);
    expect((await exportTeamCsv(t.db, people.teacher, team.id)).body).not.toMatch(/ada|Deleted/);
    const users = await listUsers(t.db, people.root);
    expect(users.map((u) => u.id)).not.toContain(ada.id);

    const [entry] = await t.db.auditEntry.findMany({
      where: { action: "account.delete", targetId: ada.id },
    });
    expect(entry).toMatchObject({
      actorId: ada.id,
      targetType: "user",
      address: "10.0.0.7",
      details: JSON.stringify({ by: "self" }),
    });
    expect(entry.details).not.toContain("ada@example.com");

    // Deleted once: a second deletion finds no such account.
    expect(
      (
        await errorOf(
          deleteAccount(t.db, { userId: ada.id, actorId: null, by: "admin", address: null }),
        )
      ).status,
    ).toBe(404);
  });

  it("[RIGHTS] a deleted account's session is refused, by the session callback too", async () => {
    const cy = await person("cy");
    const { sessionVersion } = await t.db.user.findUniqueOrThrow({ where: { id: cy.id } });
    vi.stubEnv("NEXTAUTH_SECRET", "test-secret");
    vi.stubEnv("DATABASE_URL", t.url);
    vi.resetModules();
    try {
      const { getAuthOptions } = await import("@/server/auth/options");
      const session = getAuthOptions().callbacks!.session!;
      const ask = (sv: number) =>
        session({
          session: { expires: "2099-01-01T00:00:00.000Z" },
          token: { uid: cy.id, sv, authTime: Math.floor(Date.now() / 1000) },
        } as never);
      expect(await ask(sessionVersion)).toHaveProperty("user");
      await deleteAccount(t.db, { userId: cy.id, actorId: null, by: "admin", address: null });
      // Even a token carrying the new version (no one holds one) is refused: deletedAt decides.
      expect(await ask(sessionVersion)).not.toHaveProperty("user");
      expect(await ask(sessionVersion + 1)).not.toHaveProperty("user");
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("[RIGHTS] the last admin cannot be deleted, by themselves or anyone; a second admin can", async () => {
    const error = await errorOf(deleteUser(t.db, people.root, people.root.id, null));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/last admin/);
    expect((await errorOf(deleteUser(t.db, people.teacher, people.ada.id, null))).status).toBe(403);

    const deputy = await person("deputy");
    await changeRole(t.db, people.root, deputy.id, "ADMIN");
    await deleteUser(t.db, people.root, deputy.id, "10.0.0.8");
    const entry = await t.db.auditEntry.findFirstOrThrow({
      where: { action: "account.delete", targetId: deputy.id },
    });
    expect(entry).toMatchObject({ actorId: people.root.id, details: '{"by":"admin"}' });
    // The deputy no longer counts as an admin: root is the last one again.
    expect((await errorOf(deleteUser(t.db, people.root, people.root.id, null))).status).toBe(409);
  });
});

describe("deleting one's own account", () => {
  const MINUTE = 60_000;
  const base = { passwordsOn: true, address: "10.0.0.9" };

  it("[RIGHTS] deleting one's own account takes the current password, or a sign-in within minutes without one", async () => {
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
    const alive = async (id: string) =>
      (await t.db.user.findUniqueOrThrow({ where: { id } })).deletedAt === null;

    // A password account: its session alone, or a wrong password, deletes nothing.
    const pat = await person("pat");
    await t.db.user.update({
      where: { id: pat.id },
      data: { passwordHash: await hashPassword("pats-own-password") },
    });
    const refusals: string[] = [];
    for (const password of [undefined, "", "not-the-password"]) {
      const error = await expectHttp(
        deleteOwnAccount(t.db, { ...base, userId: pat.id, password, signedInAt: now }),
        422,
      );
      expect(error.code).toBe("validation_failed");
      expect(error.fields?.password).toHaveLength(1);
      refusals.push(`${JSON.stringify(password)}: 422 ${error.fields?.password?.[0]}`);
      expect(await alive(pat.id)).toBe(true);
    }
    await deleteOwnAccount(t.db, {
      ...base,
      userId: pat.id,
      password: "pats-own-password",
      signedInAt: ago(600),
    });
    expect(await alive(pat.id)).toBe(false);
    const entry = await t.db.auditEntry.findFirstOrThrow({
      where: { action: "account.delete", targetId: pat.id },
    });
    expect(entry).toMatchObject({ actorId: pat.id, address: "10.0.0.9", details: '{"by":"self"}' });

    // An SSO-only account: a sign-in within RECENT_SIGN_IN_MINUTES, as the session's token says.
    const sam = await person("sam");
    await t.db.user.update({ where: { id: sam.id }, data: { passwordHash: null } });
    for (const signedInAt of [null, ago(RECENT_SIGN_IN_MINUTES + 1)]) {
      const error = await expectHttp(
        deleteOwnAccount(t.db, { ...base, userId: sam.id, signedInAt, now }),
        403,
      );
      expect(error.code).toBe("reauthentication_required");
      refusals.push(`SSO, signed in at ${signedInAt?.toISOString() ?? "unknown"}: 403`);
      expect(await alive(sam.id)).toBe(true);
    }
    await deleteOwnAccount(t.db, { ...base, userId: sam.id, signedInAt: ago(2), now });
    expect(await alive(sam.id)).toBe(false);

    // Passwords off (AUTH_CREDENTIALS=false): a password nobody can sign in with is not asked for.
    const val = await person("val");
    await expectHttp(
      deleteOwnAccount(t.db, { ...base, passwordsOn: false, userId: val.id, signedInAt: ago(30) }),
      403,
    );
    await deleteOwnAccount(t.db, {
      ...base,
      passwordsOn: false,
      userId: val.id,
      signedInAt: ago(1),
    });
    expect(await alive(val.id)).toBe(false);
    console.log(`[RIGHTS] refused self-deletions: ${refusals.join("; ")}`);
  });
});

describe("retention", () => {
  it("[RETENTION] deletes exactly the accounts inactive longer than the limit, never admins", async () => {
    const now = new Date("2031-06-01T00:00:00Z");
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    const make = (name: string, data: { createdAt: Date; lastActiveAt?: Date }, role = "LEARNER") =>
      t.db.user.create({
        data: {
          email: `${name}@retention.example`,
          name,
          passwordHash: "x",
          role: role as "LEARNER",
          ...data,
        },
      });
    const stale = await make("stale", { createdAt: at(400), lastActiveAt: at(91) });
    const never = await make("never", { createdAt: at(91) });
    await make("recent", { createdAt: at(400), lastActiveAt: at(89) });
    await make("fresh", { createdAt: at(10) });
    await make("old-admin", { createdAt: at(400), lastActiveAt: at(300) }, "ADMIN");
    const staleTeacher = await make(
      "stale-teacher",
      { createdAt: at(400), lastActiveAt: at(120) },
      "INSTRUCTOR",
    );

    // The earlier tests' accounts are years older than `now` too: only this test's are checked.
    const picked = await findInactiveAccounts(t.db, 90, now);
    const mine = new Set([stale.id, never.id, staleTeacher.id]);
    expect(picked.filter((id) => mine.has(id)).sort()).toEqual([...mine].sort());
    const names = await t.db.user.findMany({
      where: { id: { in: picked } },
      select: { name: true },
    });
    expect(names.map((n) => n.name)).not.toContain("recent");
    expect(names.map((n) => n.name)).not.toContain("fresh");
    expect(names.map((n) => n.name)).not.toContain("old-admin");

    expect(await runRetention(t.db, undefined, now)).toMatchObject({ enabled: false });
    expect(await t.db.user.count({ where: { id: { in: picked }, deletedAt: { not: null } } })).toBe(
      0,
    );

    const outcome = await runRetention(t.db, 90, now);
    expect(outcome).toMatchObject({ enabled: true, deleted: picked.length });
    expect(await t.db.user.count({ where: { id: { in: picked }, deletedAt: null } })).toBe(0);
    expect(
      await t.db.auditEntry.count({
        where: { action: "account.delete", actorId: null, details: '{"by":"retention"}' },
      }),
    ).toBe(picked.length);
    const left = await t.db.user.findMany({
      where: { email: { endsWith: "@retention.example" } },
      select: { name: true },
    });
    expect(left.map((u) => u.name).sort()).toEqual(["fresh", "old-admin", "recent"]);
    // Nothing left to do: a second run deletes no one.
    expect(await runRetention(t.db, 90, now)).toMatchObject({ deleted: 0 });
  });

  it("[RETENTION] npm run retention says it deleted nothing without RETENTION_INACTIVE_DAYS, and how many with it", async () => {
    await t.db.user.create({
      data: {
        email: "lapsed@retention.example",
        name: "lapsed",
        createdAt: new Date(Date.now() - 40 * DAY),
        lastActiveAt: new Date(Date.now() - 31 * DAY),
      },
    });
    const run = (days?: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: t.url };
      delete env.RETENTION_INACTIVE_DAYS;
      if (days) env.RETENTION_INACTIVE_DAYS = days;
      return spawnSync("npm", ["run", "--silent", "retention"], { env, encoding: "utf8" });
    };
    const off = run();
    expect(off.status).toBe(0);
    expect(off.stdout).toMatch(/RETENTION_INACTIVE_DAYS is not set/);
    const on = run("30");
    expect(on.status, on.stderr).toBe(0);
    expect(on.stdout).toMatch(/Deleted 1 account inactive for more than 30 days/);
    expect(await t.db.user.count({ where: { name: "lapsed", deletedAt: null } })).toBe(0);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILED_SIGN_INS } from "@/lib/auth/throttle";
import type { CreateAssignment } from "@/lib/validation/assignments";
import { auditFilterSchema } from "@/lib/validation/audit";
import { changePassword } from "@/server/account/change-password";
import { changeRole } from "@/server/admin/change-role";
import { AUDIT_CSV_HEADER, exportAuditCsv } from "@/server/audit/export-audit-csv";
import { listAudit } from "@/server/audit/list-audit";
import { recordExport } from "@/server/audit/record-export";
import {
  createAssignment,
  deleteAssignment,
  removeExtension,
  setExtension,
  updateAssignment,
} from "@/server/assignments/manage-assignments";
import { claimSignInTry, signInKeys } from "@/server/auth/login-throttle";
import { hashPassword } from "@/server/auth/password";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { createReport } from "@/server/reports/create-report";
import { resolveReport } from "@/server/reports/resolve-report";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { deleteTeam } from "@/server/teams/delete-team";
import { joinTeam } from "@/server/teams/join-team";
import { removeMember, rotateInviteCode } from "@/server/teams/manage-team";
import { netNote } from "../support/net-note";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);
const ADDRESS = "198.51.100.7";
const REFUSED = /append-only|constraint/i;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [netNote()]);
  await person("teacher", "INSTRUCTOR");
  await person("ada");
  await person("bob");
  await person("root", "ADMIN");
});

afterAll(async () => {
  await t.drop();
});

/** The newest entry of this action, as the API answers it. */
async function latest(action: string) {
  const [entry] = await listAudit(t.db, auditFilterSchema.parse({ action }), 1);
  return entry;
}

describe("what the trail records", () => {
  it("records assignments made, changed, extended and deleted, and reports resolved and reopened", async () => {
    const team = await createTeam(t.db, people.teacher, "Assigning team", ADDRESS);
    await joinTeam(t.db, people.ada, team.inviteCode, "203.0.113.6");
    const context = { address: ADDRESS };
    const { id } = await createAssignment(
      t.db,
      people.teacher,
      team.id,
      {
        kind: "notes",
        noteSlugs: ["net"],
        targetMastery: "PROFICIENT",
        dueAt: new Date("2030-01-10T00:00:00Z"),
      } as CreateAssignment,
      context,
    );
    await updateAssignment(
      t.db,
      people.teacher,
      team.id,
      id,
      { dueAt: new Date("2030-01-12T00:00:00Z") },
      new Date("2030-01-01T00:00:00Z"),
      context,
    );
    const extended = new Date("2030-01-20T00:00:00Z");
    await setExtension(t.db, people.teacher, team.id, id, people.ada.id, extended, context);
    await removeExtension(t.db, people.teacher, team.id, id, people.ada.id, context);
    await deleteAssignment(t.db, people.teacher, team.id, id, context);
    const onAssignment = await listAudit(t.db, auditFilterSchema.parse({}), 200);
    const mine = onAssignment.filter((e) => e.targetId === id).reverse();
    expect(mine.map((e) => [e.action, e.actorId, e.address])).toEqual([
      ["assignment.create", people.teacher.id, ADDRESS],
      ["assignment.update", people.teacher.id, ADDRESS],
      ["assignment.extension.set", people.teacher.id, ADDRESS],
      ["assignment.extension.remove", people.teacher.id, ADDRESS],
      ["assignment.delete", people.teacher.id, ADDRESS],
    ]);
    expect(mine[1].details).toEqual({ teamId: team.id, fields: ["dueAt"] });
    expect(mine[2].details).toEqual({
      teamId: team.id,
      userId: people.ada.id,
      dueAt: extended.toISOString(),
    });

    const item = await t.db.item.findFirstOrThrow({ where: { noteSlug: "net" } });
    const report = await createReport(t.db, people.ada, item.id, { reason: "unclear" });
    await resolveReport(
      t.db,
      people.teacher,
      report.id,
      { resolved: true, resolution: "Reworded." },
      context,
    );
    await resolveReport(t.db, people.teacher, report.id, { resolved: false }, context);
    expect((await latest("report.resolve")).targetId).toBe(report.id);
    expect(await latest("report.reopen")).toMatchObject({
      actorId: people.teacher.id,
      targetType: "report",
      targetId: report.id,
      address: ADDRESS,
    });
  });

  it("records a role change with who, what, on whom, from where and the old and new role", async () => {
    await changeRole(t.db, people.root, people.bob.id, "INSTRUCTOR", ADDRESS);
    const entry = await latest("role.change");
    expect(entry).toMatchObject({
      actorId: people.root.id,
      action: "role.change",
      targetType: "user",
      targetId: people.bob.id,
      address: ADDRESS,
      details: { from: "LEARNER", to: "INSTRUCTOR" },
    });
    expect(Object.keys(entry).sort()).toEqual(
      ["id", "at", "actorId", "action", "targetType", "targetId", "address", "details"].sort(),
    );
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
    await changeRole(t.db, people.root, people.bob.id, "LEARNER", ADDRESS);
  });

  it("records nothing when the change is refused (the last admin stays one)", async () => {
    const before = await t.db.auditEntry.count({ where: { action: "role.change" } });
    await expect(
      changeRole(t.db, people.root, people.root.id, "LEARNER", ADDRESS),
    ).rejects.toMatchObject({ status: 409 });
    expect(await t.db.auditEntry.count({ where: { action: "role.change" } })).toBe(before);
  });

  it("records a team's creation, joins, removals, a new invite code and the deletion", async () => {
    const team = await createTeam(t.db, people.teacher, "Audited team", ADDRESS);
    expect(await latest("team.create")).toMatchObject({
      actorId: people.teacher.id,
      targetType: "team",
      targetId: team.id,
      address: ADDRESS,
      details: { name: "Audited team" },
    });

    await joinTeam(t.db, people.ada, team.inviteCode, "203.0.113.5");
    await joinTeam(t.db, people.ada, team.inviteCode, "203.0.113.5");
    const joins = await t.db.auditEntry.findMany({
      where: { action: "team.member.add", targetId: team.id },
    });
    // Joining twice changes nothing the second time, and records nothing either.
    expect(joins).toHaveLength(1);
    expect(joins[0]).toMatchObject({ actorId: people.ada.id, address: "203.0.113.5" });
    expect(JSON.parse(joins[0].details)).toEqual({ userId: people.ada.id });

    const rotated = await rotateInviteCode(t.db, people.teacher, team.id, ADDRESS);
    const rotation = await latest("team.invite.rotate");
    expect(rotation).toMatchObject({ actorId: people.teacher.id, targetId: team.id });
    // The code is a credential for joining: it stays out of the trail.
    expect(JSON.stringify(rotation)).not.toContain(rotated.inviteCode);
    expect(JSON.stringify(rotation)).not.toContain(team.inviteCode);

    await joinTeam(t.db, people.bob, rotated.inviteCode, ADDRESS);
    await removeMember(t.db, people.teacher, team.id, people.bob.id, ADDRESS);
    expect(await latest("team.member.remove")).toMatchObject({
      actorId: people.teacher.id,
      targetType: "team",
      targetId: team.id,
      details: { userId: people.bob.id },
    });

    await deleteTeam(t.db, people.teacher, team.id, ADDRESS);
    expect(await latest("team.delete")).toMatchObject({
      actorId: people.teacher.id,
      targetType: "team",
      targetId: team.id,
      address: ADDRESS,
      details: { name: "Audited team", members: 2 },
    });
  });

  it("records a password change, never the password", async () => {
    const user = await person("pat");
    await t.db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword("old password 123") },
    });
    await changePassword(t.db, user.id, "old password 123", "new password 456", ADDRESS);
    const entry = await latest("password.change");
    expect(entry).toMatchObject({
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      address: ADDRESS,
      details: {},
    });
    await expect(
      changePassword(t.db, user.id, "wrong", "another password 789", ADDRESS),
    ).rejects.toMatchObject({ status: 422 });
    expect(await t.db.auditEntry.count({ where: { action: "password.change" } })).toBe(1);
  });

  it("records a lockout once per lock, by the system, naming the account but not the email", async () => {
    const keys = signInKeys("Ada@Example.com", "192.0.2.50");
    const now = new Date();
    const claims = await Promise.all(
      Array.from({ length: MAX_FAILED_SIGN_INS + 15 }, () => claimSignInTry(t.db, keys, now)),
    );
    expect(claims.filter((lock) => lock === null)).toHaveLength(MAX_FAILED_SIGN_INS);
    // The ten tries lock the account at this address, and the address across accounts too: two
    // locks, one entry each, however many further tries they refuse.
    const locks = await t.db.auditEntry.findMany({
      where: { action: "auth.lockout", address: "192.0.2.50" },
    });
    expect(locks.map((l) => JSON.parse(l.details).scope).sort()).toEqual([
      "account-address",
      "address",
    ]);
    for (const lock of locks) {
      expect(lock).toMatchObject({ actorId: null, targetType: "user", targetId: people.ada.id });
      const details = JSON.parse(lock.details) as { lockedUntil: string };
      expect(Date.parse(details.lockedUntil)).toBe(now.getTime() + 60_000);
      expect(lock.details.toLowerCase()).not.toContain("ada@example.com");
    }

    // An email with no account: still one entry, with no target.
    const strangers = signInKeys("nobody@example.com", "192.0.2.51");
    for (let i = 0; i <= MAX_FAILED_SIGN_INS + 2; i++) await claimSignInTry(t.db, strangers, now);
    const stranger = await t.db.auditEntry.findMany({
      where: { action: "auth.lockout", address: "192.0.2.51" },
    });
    expect(stranger).toHaveLength(2);
    for (const lock of stranger) {
      expect(lock).toMatchObject({ actorId: null, targetId: null });
      expect(lock.details).not.toContain("nobody");
    }
  });

  it("records exports with their kind", async () => {
    await recordExport(
      t.db,
      people.ada.id,
      "my-data.json",
      { type: "user", id: people.ada.id },
      ADDRESS,
    );
    expect(await latest("export.create")).toMatchObject({
      actorId: people.ada.id,
      targetType: "user",
      targetId: people.ada.id,
      details: { export: "my-data.json" },
    });
  });
});

describe("deleting a team", () => {
  it("drops its memberships, assignments and statistics, and keeps the learners' attempts", async () => {
    const team = await createTeam(t.db, people.teacher, "Short-lived", ADDRESS);
    await joinTeam(t.db, people.ada, team.inviteCode, ADDRESS);
    const assignment = await t.db.assignment.create({
      data: {
        teamId: team.id,
        kind: "NOTES",
        title: "Read net",
        dueAt: new Date(),
        targetLevel: 2,
      },
    });
    const { attemptId, items } = await startQuizAttempt(t.db, people.ada.id, "net");
    await t.db.attempt.update({ where: { id: attemptId }, data: { assignmentId: assignment.id } });
    await submitAttempt(
      t.db,
      people.ada.id,
      attemptId,
      items.map((i) => ({ itemId: i.id, choice: "AWS" })),
    );
    expect(await t.db.teamItemStat.count({ where: { teamId: team.id } })).toBeGreaterThan(0);
    const answers = await t.db.answer.count({ where: { attemptId } });

    await expect(deleteTeam(t.db, people.ada, team.id, ADDRESS)).rejects.toMatchObject({
      status: 403,
    });
    await expect(deleteTeam(t.db, people.bob, team.id, ADDRESS)).rejects.toMatchObject({
      status: 403,
    });
    await deleteTeam(t.db, people.root, team.id, ADDRESS);

    expect(await t.db.team.count({ where: { id: team.id } })).toBe(0);
    expect(await t.db.teamMembership.count({ where: { teamId: team.id } })).toBe(0);
    expect(await t.db.teamItemStat.count({ where: { teamId: team.id } })).toBe(0);
    expect(await t.db.assignment.count({ where: { teamId: team.id } })).toBe(0);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({
      userId: people.ada.id,
      status: "SUBMITTED",
      assignmentId: null,
    });
    expect(await t.db.answer.count({ where: { attemptId } })).toBe(answers);
    expect(answers).toBeGreaterThan(0);
    expect(await latest("team.delete")).toMatchObject({
      actorId: people.root.id,
      targetId: team.id,
    });

    await expect(deleteTeam(t.db, people.root, team.id, ADDRESS)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("reading the trail", () => {
  it("filters by action, actor and dates, newest first", async () => {
    const all = await listAudit(t.db, {});
    expect(all.length).toBeGreaterThan(5);
    const times = all.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const byTeacher = await listAudit(t.db, auditFilterSchema.parse({ actor: people.teacher.id }));
    expect(byTeacher.length).toBeGreaterThan(0);
    expect(byTeacher.every((e) => e.actorId === people.teacher.id)).toBe(true);

    const roleChanges = await listAudit(t.db, auditFilterSchema.parse({ action: "role.change" }));
    expect(roleChanges.map((e) => e.action)).toEqual(["role.change", "role.change"]);

    const today = new Date().toISOString().slice(0, 10);
    expect(await listAudit(t.db, auditFilterSchema.parse({ from: today, to: today }))).toHaveLength(
      all.length,
    );
    expect(await listAudit(t.db, auditFilterSchema.parse({ to: "2000-01-01" }))).toEqual([]);
    expect(await listAudit(t.db, auditFilterSchema.parse({ from: "2999-01-01" }))).toEqual([]);
    expect(await listAudit(t.db, {}, 3)).toEqual(all.slice(0, 3));
  });

  it("exports the filtered entries as CSV, details as JSON in one column", async () => {
    const { body, rows, filename } = await exportAuditCsv(
      t.db,
      auditFilterSchema.parse({ action: "role.change" }),
      new Date("2026-11-28T12:00:00Z"),
    );
    expect(filename).toBe("audit-2026-11-28.csv");
    expect(rows).toBe(2);
    const lines = body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(","));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `,${people.root.id},root,role.change,user,${people.bob.id},${ADDRESS},`,
    );
    expect(lines[1]).toContain('"{""from"":""INSTRUCTOR"",""to"":""LEARNER""}"');
  });
});

describe("the trail cannot be altered", () => {
  // Prisma words the SQLite trigger's RAISE(ABORT) as a constraint violation, PostgreSQL's RAISE
  // EXCEPTION with its message: either way the write is refused and the entry stays as it was.
  it("refuses update, delete and deleteMany through the client", async () => {
    const entry = await latest("role.change");
    await expect(
      t.db.auditEntry.update({ where: { id: entry.id }, data: { action: "team.create" } }),
    ).rejects.toThrow(REFUSED);
    await expect(t.db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(REFUSED);
    await expect(t.db.auditEntry.deleteMany({})).rejects.toThrow(REFUSED);
    await expect(t.db.auditEntry.updateMany({ data: { address: "0.0.0.0" } })).rejects.toThrow(
      REFUSED,
    );
    expect(await latest("role.change")).toEqual(entry);
  });

  it("refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) in raw SQL", async () => {
    const count = await t.db.auditEntry.count();
    const entry = await latest("role.change");
    await expect(
      t.db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "actorId" = NULL WHERE "id" = '${entry.id}'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
    if (t.kind === "postgresql")
      await expect(t.db.$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect(await t.db.auditEntry.count()).toBe(count);
    expect(await latest("role.change")).toEqual(entry);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNote } from "@/lib/content/parse-note";
import { createReportSchema, resolveReportSchema } from "@/lib/validation/reports";
import { fieldErrors } from "@/server/http/errors";
import { createReport } from "@/server/reports/create-report";
import { listAllReports, listTeamReports } from "@/server/reports/list-reports";
import { resolveReport } from "@/server/reports/resolve-report";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { joinTeam } from "@/server/teams/join-team";
import { expectHttp } from "../support/expect-http";
import { netNote } from "../support/net-note";
import { peopleOf } from "../support/people";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const { people, person } = peopleOf(() => t.db);
const teams: Record<string, string> = {};
let edge: string;
let firewall: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [netNote()]);
  for (const name of ["ada", "bob", "cat"]) await person(name);
  for (const name of ["teachA", "teachB", "stranger"]) await person(name, "INSTRUCTOR");
  await person("root", "ADMIN");
  // Ada is in team A, Bob in team B, Cat in both; the stranger teaches a team of no one.
  for (const [team, teacher, members] of [
    ["A", "teachA", ["ada", "cat"]],
    ["B", "teachB", ["bob", "cat"]],
    ["C", "stranger", []],
  ] as const) {
    const created = await createTeam(t.db, people[teacher], `Team ${team}`);
    teams[team] = created.id;
    for (const member of members) await joinTeam(t.db, people[member], created.inviteCode);
  }
  const items = await t.db.item.findMany({ select: { id: true, prompt: true } });
  edge = items.find((i) => i.prompt === "Edge")!.id;
  firewall = items.find((i) => i.prompt === "Firewall")!.id;
});

afterAll(async () => {
  await t.drop();
});

const reporters = (reports: Array<{ reporter: { name: string } | null }>) =>
  reports.map((r) => r.reporter?.name).sort();

describe("item reports", () => {
  it("records the wording of the attempt, refuses a second open report, and 404s what cannot be reported", async () => {
    const { attemptId } = await startQuizAttempt(t.db, people.ada.id, "net");
    await submitAttempt(t.db, people.ada.id, attemptId, []);
    const pinned = await t.db.answer.findUniqueOrThrow({
      where: { attemptId_itemId: { attemptId, itemId: edge } },
      select: { itemVersionId: true },
    });
    // A new wording since Ada's attempt: her report names the one she read.
    await syncContent(t.db, [
      parseNote({
        file: "Net.md",
        source:
          "## AWS Responsibilities\n- **Edge**: AWS runs every edge location.\n## Customer Responsibilities\n- **Firewall**: You set it.\n",
      }),
    ]);
    const current = await t.db.item.findUniqueOrThrow({
      where: { id: edge },
      select: { currentVersionId: true },
    });
    expect(current.currentVersionId).not.toBe(pinned.itemVersionId);

    const { id } = await createReport(t.db, people.ada, edge, {
      reason: "wrong_owner",
      comment: "The customer runs some of it.",
      attemptId,
    });
    expect((await t.db.itemReport.findUniqueOrThrow({ where: { id } })).itemVersionId).toBe(
      pinned.itemVersionId,
    );

    const second = await expectHttp(
      createReport(t.db, people.ada, edge, { reason: "unclear" }),
      409,
    );
    expect(second.code).toBe("already_reported");

    const bobs = await createReport(t.db, people.bob, edge, { reason: "unclear" });
    expect(
      (await t.db.itemReport.findUniqueOrThrow({ where: { id: bobs.id } })).itemVersionId,
    ).toBe(current.currentVersionId);
    await createReport(t.db, people.cat, firewall, { reason: "other", comment: "Typo." });

    // Someone else's attempt, an unknown item and a retired item do not exist for reporting.
    await expectHttp(
      createReport(t.db, people.bob, firewall, { reason: "unclear", attemptId }),
      404,
    );
    await expectHttp(createReport(t.db, people.bob, "no-such-item", { reason: "unclear" }), 404);
    const retired = await t.db.item.create({
      data: {
        noteSlug: "net",
        key: "retired",
        kind: "ASSIGN",
        position: 9,
        version: 1,
        currentVersionId: "retired-version",
        prompt: "Old",
        detail: "",
        owner: "AWS",
        anchor: "aws-responsibilities",
        retiredAt: new Date(),
      },
    });
    await expectHttp(createReport(t.db, people.bob, retired.id, { reason: "unclear" }), 404);
  });

  it("refuses malformed reports and resolutions with 422 field messages", () => {
    const errors = (result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) =>
      result.error ? Object.keys(fieldErrors(result.error)) : [];
    expect(errors(createReportSchema.safeParse({ reason: "boring" }))).toEqual(["reason"]);
    expect(errors(createReportSchema.safeParse({ reason: "other" }))).toEqual(["comment"]);
    expect(errors(createReportSchema.safeParse({ reason: "unclear", extra: 1 }))).toEqual(["_"]);
    expect(errors(resolveReportSchema.safeParse({ resolved: "yes" }))).toEqual(["resolved"]);
  });

  it("reaches the instructors of the reporter's teams and every admin", async () => {
    expect(reporters(await listTeamReports(t.db, people.teachA, teams.A))).toEqual(["ada", "cat"]);
    expect(reporters(await listTeamReports(t.db, people.teachB, teams.B))).toEqual(["bob", "cat"]);
    expect(await listTeamReports(t.db, people.stranger, teams.C)).toEqual([]);
    expect(reporters(await listAllReports(t.db, people.root))).toEqual(["ada", "bob", "cat"]);
    await expectHttp(listTeamReports(t.db, people.stranger, teams.A), 403);
    await expectHttp(listTeamReports(t.db, people.ada, teams.A), 403);
    await expectHttp(listAllReports(t.db, people.teachA), 403);

    const [view] = (await listTeamReports(t.db, people.teachA, teams.A)).filter(
      (r) => r.reporter?.name === "ada",
    );
    expect(view).toEqual({
      id: expect.any(String),
      itemId: edge,
      noteSlug: "net",
      label: "Edge",
      lessonHref: "/lessons/net#aws-responsibilities",
      reason: "wrong_owner",
      comment: "The customer runs some of it.",
      createdAt: expect.any(String),
      reporter: { id: people.ada.id, name: "ada" },
      resolvedAt: null,
      resolution: null,
      resolvedBy: null,
    });
  });

  it("lets only admins and the reporter's instructors resolve, with a note, and reopen", async () => {
    const all = await listAllReports(t.db, people.root);
    const adas = all.find((r) => r.reporter?.name === "ada")!;
    const bobs = all.find((r) => r.reporter?.name === "bob")!;

    for (const outsider of [people.teachB, people.stranger, people.ada, people.cat])
      await expectHttp(
        resolveReport(t.db, outsider, adas.id, { resolved: true, resolution: "Fine." }),
        403,
      );
    await expectHttp(resolveReport(t.db, people.root, "no-such-report", { resolved: false }), 404);
    const missing = await expectHttp(
      resolveReport(t.db, people.teachA, adas.id, { resolved: true }),
      422,
    );
    expect(Object.keys(missing.fields ?? {})).toEqual(["resolution"]);

    const resolved = await resolveReport(t.db, people.teachA, adas.id, {
      resolved: true,
      resolution: "Reworded the item.",
    });
    expect(resolved).toMatchObject({
      resolution: "Reworded the item.",
      resolvedBy: { id: people.teachA.id, name: "teachA" },
    });
    expect(resolved.resolvedAt).not.toBeNull();
    // Open reports come first: Cat's, then Ada's resolved one.
    expect(
      (await listTeamReports(t.db, people.teachA, teams.A)).map((r) => [
        r.reporter?.name,
        r.resolvedAt === null,
      ]),
    ).toEqual([
      ["cat", true],
      ["ada", false],
    ]);
    // Once hers is resolved, Ada may report the item again.
    await createReport(t.db, people.ada, edge, { reason: "unclear" });

    const reopened = await resolveReport(t.db, people.teachA, adas.id, { resolved: false });
    expect(reopened).toMatchObject({ resolvedAt: null, resolution: null, resolvedBy: null });

    // Bob's teams are taught by teachB alone; an admin may resolve anything.
    await expectHttp(
      resolveReport(t.db, people.teachA, bobs.id, { resolved: true, resolution: "x" }),
      403,
    );
    expect(
      await resolveReport(t.db, people.root, bobs.id, { resolved: true, resolution: "Checked." }),
    ).toMatchObject({ resolvedBy: { name: "root" }, resolution: "Checked." });
  });
});

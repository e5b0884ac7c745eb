import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { optionKey } from "@/lib/content/options";
import type { CurrentUser } from "@/lib/contracts/session";
import type { TeamProgressResponse } from "@/lib/contracts/teams";
import type { QuizItem } from "@/lib/contracts/quiz";
import type { AnswerInput } from "@/lib/validation/quiz";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { exportTeamCsv } from "@/server/teams/export-team-csv";
import { getLearnerHistory } from "@/server/teams/get-learner-history";
import { getTeamProgress } from "@/server/teams/get-team-progress";
import { joinTeam } from "@/server/teams/join-team";
import { removeMember } from "@/server/teams/manage-team";
import { patchingWithScenario, SCENARIO_DISTRACTORS } from "../support/scenario-note";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const HOST = "Patches the hypervisor and host operating system.";
const GUEST = "Patches the guest operating system.";
const NEITHER = "Lets instances patch themselves.";
const DISKS = SCENARIO_DISTRACTORS[0];

const patching = `# Patching

## AWS Responsibilities
- **Hardware**: AWS runs it.

## Shared Controls
- **Patch Management**: AWS patches hosts; the customer patches guests.
  - AWS half: ${HOST}
  - Customer half: ${GUEST}
  - Neither: ${NEITHER}
`;

let t: TestDatabase;
const people: Record<string, CurrentUser> = {};
let teamId = "";

async function person(name: string, role: CurrentUser["role"] = "LEARNER") {
  people[name] = await t.db.user.create({
    data: { email: `${name}@example.com`, name, passwordHash: "x", role },
    select: { id: true, name: true, email: true, role: true },
  });
}

/** What one learner answers: per part of the quiz, an owner or a statement, and how sure. */
interface Plan {
  hardware: "AWS" | "CUSTOMER";
  awsHalf: string;
  customerHalf: string;
  whose: "AWS" | "CUSTOMER";
  control: string;
  sure: { awsHalf?: boolean; customerHalf?: boolean; whose?: boolean; control?: boolean };
}

async function takeQuiz(who: string, plan: Plan) {
  // The halves, not the Shared control's owner: one attempt asks a control one way (fair-draw.ts).
  const { attemptId, items } = await startQuizAttempt(t.db, people[who].id, "patching", () => true);
  const part = (item: QuizItem): keyof Plan["sure"] | "hardware" =>
    item.split
      ? item.split.half === "AWS"
        ? "awsHalf"
        : "customerHalf"
      : item.scenario
        ? item.scenario.part === "owner"
          ? "whose"
          : "control"
        : "hardware";
  const answers: AnswerInput[] = items.map((item) => {
    const p = part(item);
    const confidence = p !== "hardware" && plan.sure[p] ? ("sure" as const) : ("unsure" as const);
    if (p === "hardware")
      return { itemId: item.id, choice: item.prompt === "Hardware" ? plan.hardware : "SHARED" };
    if (p === "whose") return { itemId: item.id, choice: plan.whose, confidence };
    return { itemId: item.id, option: optionKey(plan[p]), confidence };
  });
  await submitAttempt(t.db, people[who].id, attemptId, answers);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, [patchingWithScenario(patching)]);
  await person("teacher", "INSTRUCTOR");
  for (const name of ["ada", "bob", "cyd"]) await person(name);
  const team = await createTeam(t.db, people.teacher, "Halves team");
  teamId = team.id;
  await joinTeam(t.db, people.ada, team.inviteCode);
  await joinTeam(t.db, people.bob, team.inviteCode);

  // Ada: the AWS half right, the customer half given "Neither" and sure; the wrong control, sure.
  await takeQuiz("ada", {
    hardware: "AWS",
    awsHalf: HOST,
    customerHalf: NEITHER,
    whose: "CUSTOMER",
    control: DISKS,
    sure: { awsHalf: true, customerHalf: true, control: true },
  });
  // Bob: both halves wrong, the customer half as Ada did and sure; AWS's failure, sure.
  await takeQuiz("bob", {
    hardware: "AWS",
    awsHalf: GUEST,
    customerHalf: NEITHER,
    whose: "AWS",
    control: DISKS,
    sure: { customerHalf: true, whose: true },
  });
  // Cyd is in no team: her answers are nobody's team's, though they are wrong in other ways.
  for (let i = 0; i < 3; i++)
    await takeQuiz("cyd", {
      hardware: "CUSTOMER",
      awsHalf: NEITHER,
      customerHalf: HOST,
      whose: "AWS",
      control: "KMS was down",
      sure: { awsHalf: true, customerHalf: true, whose: true, control: true },
    });
});

afterAll(async () => {
  await t.drop();
});

describe("item analysis of split and scenario items", () => {
  it("gives each item its kind, a readable label, facility, the usual wrong answer and sure-but-wrong count", async () => {
    const progress = await getTeamProgress(t.db, people.teacher, teamId);
    const row = (label: string) => {
      const item = progress.items.find((i) => i.label === label);
      expect(item, label).toBeDefined();
      return item!;
    };
    // The Shared control's owner question was never asked beside its halves, so it has no row.
    expect(progress.items.map((i) => i.label).sort()).toEqual([
      "A public bucket — which control",
      "A public bucket — whose failure",
      "Hardware",
      "Patch Management — AWS half",
      "Patch Management — Customer half",
    ]);
    expect(row("Patch Management — AWS half")).toMatchObject({
      kind: "split",
      prompt: "Patch Management: which statement is AWS's half?",
      attempts: 2,
      correctRate: 0.5,
      commonWrong: { option: GUEST },
      commonWrongChoice: null,
      commonWrongRate: 0.5,
      sureWrong: 0,
    });
    expect(row("Patch Management — Customer half")).toMatchObject({
      kind: "split",
      attempts: 2,
      correctRate: 0,
      commonWrong: { option: NEITHER },
      commonWrongRate: 1,
      sureWrong: 2,
    });
    expect(row("A public bucket — which control")).toMatchObject({
      kind: "scenario",
      correctRate: 0,
      commonWrong: { option: DISKS },
      sureWrong: 1,
    });
    // The scenario's owner part is answered with an owner: its usual wrong answer is an owner.
    expect(row("A public bucket — whose failure")).toMatchObject({
      kind: "scenario",
      correctRate: 0.5,
      commonWrong: { owner: "AWS" },
      commonWrongChoice: "AWS",
      sureWrong: 1,
    });
    expect(row("Hardware")).toMatchObject({
      kind: "assign",
      correctRate: 1,
      commonWrong: null,
      sureWrong: 0,
    });
  });

  it("shows which half of each Shared control the team misses", async () => {
    const { halves } = await getTeamProgress(t.db, people.teacher, teamId);
    expect(halves).toEqual([
      {
        noteSlug: "patching",
        control: "Patch Management",
        aws: { itemId: expect.any(String), attempts: 2, correctRate: 0.5 },
        customer: { itemId: expect.any(String), attempts: 2, correctRate: 0 },
        missedMore: "CUSTOMER",
      },
    ]);
  });

  it("flags wrong answers given as sure in the learner drill-down, with the statements as text", async () => {
    const drill = await getLearnerHistory(t.db, people.teacher, teamId, people.ada.id);
    const answers = drill.attempts[0].answers;
    expect(answers.find((a) => a.label === "Patch Management — Customer half")).toMatchObject({
      kind: "split",
      correct: false,
      option: NEITHER,
      expectedOption: GUEST,
      confidence: "sure",
    });
    expect(answers.find((a) => a.label === "Patch Management — AWS half")).toMatchObject({
      correct: true,
      option: HOST,
      confidence: "sure",
    });
    expect(answers.find((a) => a.label === "Hardware")).toMatchObject({
      kind: "assign",
      choice: "AWS",
      option: null,
      expectedOption: null,
    });
  });

  it("adds kind and sure-but-wrong columns to the CSV, after the others", async () => {
    const { body } = await exportTeamCsv(t.db, people.teacher, teamId);
    const [header, ...rows] = body.slice(1).trim().split("\r\n");
    const columns = header.split(",");
    expect(columns.slice(0, 12).at(-1)).toBe("overdue");
    expect(columns.slice(12)).toEqual([
      "assign_right",
      "service_right",
      "matrix_right",
      "split_right",
      "scenario_right",
      "sure_wrong",
    ]);
    const ada = rows.find((r) => r.startsWith("ada,"))!.split(",");
    expect(ada.slice(12)).toEqual(["100", "", "", "50", "50", "2"]);
  });

  it("drops a learner's answers, sure-but-wrong ones and statements picked, when they leave", async () => {
    await removeMember(t.db, people.teacher, teamId, people.bob.id);
    const progress = await getTeamProgress(t.db, people.teacher, teamId);
    const row = (label: string) => progress.items.find((i) => i.label === label)!;
    expect(row("Patch Management — Customer half")).toMatchObject({ attempts: 1, sureWrong: 1 });
    expect(row("A public bucket — whose failure")).toMatchObject({
      sureWrong: 0,
      commonWrong: null,
    });
    // Bob was the one who picked the guest statement for AWS's half: nobody in the team has now.
    expect(row("Patch Management — AWS half")).toMatchObject({
      correctRate: 1,
      commonWrong: null,
      commonWrongRate: 0,
    });
    expect(progress.halves[0]).toMatchObject({ missedMore: "CUSTOMER" });

    // What GET /api/teams/<id>/progress sends: the old fields as they were, the new ones beside them.
    const body: TeamProgressResponse = JSON.parse(
      JSON.stringify({
        learners: progress.learners,
        items: progress.items,
        lessonCount: progress.lessonCount,
        halves: progress.halves,
      }),
    );
    expect(Object.keys(body.items[0]).sort()).toEqual(
      [
        "itemId",
        "prompt",
        "noteSlug",
        "attempts",
        "correctRate",
        "commonWrongChoice",
        "commonWrongRate",
        "kind",
        "label",
        "sureWrong",
        "commonWrong",
        "discrimination",
        "flags",
      ].sort(),
    );
    expect(body.halves[0].customer).toEqual({
      itemId: expect.any(String),
      attempts: 1,
      correctRate: 0,
    });
  });
});

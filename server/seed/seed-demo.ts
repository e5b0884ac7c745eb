import "server-only";
import type { Role } from "@/generated/sqlite/enums";
import { optionKeysOf, parseItemSpec } from "@/lib/content/item-spec";
import { OWNERS, type Owner } from "@/lib/content/types";
import { assignmentTitle, targetLevelOf } from "@/lib/assignments/status";
import type { AnswerInput } from "@/lib/validation/quiz";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { markRead } from "@/server/progress/mark-read";
import { saveAnswers } from "@/server/quiz/save-answers";
import { createAttempt } from "@/server/quiz/start-attempt";
import { startReview } from "@/server/quiz/start-review";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { DEMO_LEARNERS, type DemoLearner } from "./demo-learners";
import { transaction } from "@/server/db/transaction";

/** The demo accounts' password, published in the README: they may exist only on a local server. */
export const DEMO_PASSWORD = "learn-aws-2026";

export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "learner@example.com", name: "Demo Learner", role: "LEARNER" },
  { email: "instructor@example.com", name: "Demo Instructor", role: "INSTRUCTOR" },
  { email: "admin@example.com", name: "Demo Admin", role: "ADMIN" },
];

export const DEMO_TEAM = { name: "Demo Team", inviteCode: "DEMO-TEAM-2026" };

/** Every account the demo seed makes, all with DEMO_PASSWORD: the three above and the team's learners. */
export const DEMO_EMAILS: string[] = [
  ...DEMO_USERS.map((demo) => demo.email),
  ...DEMO_LEARNERS.map((demo) => demo.email),
];

export function isDemoEmail(email: string): boolean {
  return DEMO_EMAILS.includes(email.toLowerCase());
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
  return transaction(db, async (tx) => {
    await tx.seedRecord.create({ data: { key } });
    return (await adopt()) ?? create(tx);
  });
}

/**
 * Demo accounts, the Demo Team and its members, each created once (see seedOnce), then the demo
 * learners' last four weeks (see seedLearnerHistory). Accounts that exist keep their password and
 * progress. `now` is when the history ends.
 */
export async function seedDemo(db: Db, now = new Date()) {
  const users: Record<string, string> = {};
  const accounts = [
    ...DEMO_USERS,
    ...DEMO_LEARNERS.map(({ email, name }) => ({
      email,
      name,
      role: "LEARNER" as const,
      createdAt: new Date(now.getTime() - 30 * DAY_MS),
    })),
  ];
  // One hash for all of them: the same password, and argon2 is slow on purpose.
  let passwordHash: string | undefined;
  for (const account of accounts) {
    const user = await seedOnce(
      db,
      `demo-user:${account.email}`,
      () => db.user.findUnique({ where: { email: account.email }, select: { id: true } }),
      async (tx) =>
        tx.user.create({
          data: { ...account, passwordHash: (passwordHash ??= await hashPassword(DEMO_PASSWORD)) },
          select: { id: true },
        }),
    );
    if (user) users[account.email] = user.id;
  }
  const team = await seedOnce(
    db,
    "demo-team",
    () => db.team.findUnique({ where: { inviteCode: DEMO_TEAM.inviteCode }, select: { id: true } }),
    (tx) => tx.team.create({ data: DEMO_TEAM, select: { id: true } }),
  );
  let histories = 0;
  for (const demo of DEMO_LEARNERS)
    histories += Number(await seedLearnerHistory(db, demo, team?.id, now));
  const assignment = await seedDemoAssignment(db, team?.id, now);
  if (!team) return { created: Object.keys(users).length + histories + Number(assignment) };
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
  return { created: Object.keys(users).length + 1 + histories + Number(assignment) };
}

/** The note the Demo Team is assigned: the first lesson, as on the home page. */
const DEMO_ASSIGNMENT_SLUG = "aws-shared-responsibility-model";

/**
 * One notes assignment for the Demo Team, so that the demo shows assignments: the first lesson to
 * Proficient, due a week after the seed ran. Made once (seedOnce): an instructor who deletes it
 * does not get it back.
 */
async function seedDemoAssignment(db: Db, teamId: string | undefined, now: Date) {
  const team = teamId ?? (await findDemoTeam(db));
  if (!team) return false;
  const instructor = await db.user.findUnique({
    where: { email: "instructor@example.com" },
    select: { id: true },
  });
  const created = await seedOnce(
    db,
    "demo-assignment",
    async () => null,
    (tx) =>
      tx.assignment.create({
        data: {
          teamId: team,
          kind: "NOTES",
          title: assignmentTitle({ kind: "notes", targetMastery: "PROFICIENT" }, [
            "AWS Shared Responsibility Model",
          ]),
          targetLevel: targetLevelOf("PROFICIENT"),
          dueAt: new Date(now.getTime() + 7 * DAY_MS),
          createdById: instructor?.id ?? null,
          notes: { create: { noteSlug: DEMO_ASSIGNMENT_SLUG, position: 0 } },
        },
        select: { id: true },
      }),
  );
  return created !== null;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The Demo Team: by its seeded code, or, if an admin replaced that, by name and demo instructor. */
async function findDemoTeam(db: Db): Promise<string | null> {
  const team = await db.team.findFirst({
    where: {
      OR: [
        { inviteCode: DEMO_TEAM.inviteCode },
        {
          name: DEMO_TEAM.name,
          memberships: { some: { role: "INSTRUCTOR", user: { email: "instructor@example.com" } } },
        },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return team?.id ?? null;
}

/** A small deterministic generator (mulberry32 over an FNV-1a hash): the same history every run. */
function randomFrom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The quiz's items in a shuffled order, as startQuizAttempt shows them, but repeatable. */
function shuffled<T>(values: T[], random: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** An item as the seed answers it: by owner, or, with `answerKey`, by one of its option keys. */
interface SeedItem {
  itemId: string;
  owner: Owner;
  answerKey: string | null;
  options: string[];
  /** For a split half: the right statement of each half of its Shared control, by side. */
  halves?: Partial<Record<Owner, string>>;
}

/** The right statement of each half, per Shared control (by note and control). */
type HalfKeys = Map<string, Partial<Record<Owner, string>>>;

function seedItem(
  item: {
    id: string;
    noteSlug: string;
    owner: Owner;
    answerKey: string | null;
    spec: string | null;
  },
  halves: HalfKeys,
): SeedItem {
  const spec = parseItemSpec(item.spec);
  return {
    itemId: item.id,
    owner: item.owner,
    answerKey: item.answerKey,
    options: optionKeysOf(spec),
    halves: spec?.kind === "SPLIT" ? halves.get(`${item.noteSlug}|${spec.control}`) : undefined,
  };
}

/**
 * What the learner answers to these items: their misconception first, then chance. Items answered
 * by owner draw exactly as they always did, so that histories seeded before other kinds existed come
 * out the same. With `sure`, each answer carries a confidence, drawn from its own generator for the
 * same reason; a misconception's answer is always sure.
 */
function answersFor(
  learner: DemoLearner,
  items: ReadonlyArray<SeedItem>,
  accuracy: number,
  random: () => number,
  sure?: { share: number; random: () => number },
): AnswerInput[] {
  const wrong = learner.misconception;
  return items.map(({ itemId, owner, answerKey, options, halves }) => {
    const confidence = (held: boolean): Pick<AnswerInput, "confidence"> =>
      sure ? { confidence: held || sure.random() < sure.share ? "sure" : "unsure" } : {};
    if (answerKey !== null) {
      const mistaken = halves?.[wrong?.answer ?? owner];
      let option = answerKey;
      let held = false;
      if (wrong && owner === wrong.owner && mistaken && random() < wrong.rate) {
        option = mistaken;
        held = true;
      } else if (random() >= accuracy) {
        const others = options.filter((o) => o !== answerKey);
        option = others[Math.floor(random() * others.length)] ?? answerKey;
      }
      const ms = 3_000 + Math.floor(random() * 12_000);
      return { itemId, option, ms, ...confidence(held) };
    }
    let choice: Owner = owner;
    let held = false;
    if (wrong && owner === wrong.owner && random() < wrong.rate) {
      choice = wrong.answer;
      held = true;
    } else if (random() >= accuracy) {
      const others = OWNERS.filter((o) => o !== owner);
      choice = others[Math.floor(random() * others.length)];
    }
    return { itemId, choice, ms: 3_000 + Math.floor(random() * 12_000), ...confidence(held) };
  });
}

/**
 * Saves the first half of the answers as the board's autosave would, submits the rest a few
 * minutes later, then dates the attempt row itself, which createAttempt stamps with the real clock.
 */
async function answerAndSubmit(
  db: Db,
  userId: string,
  attemptId: string,
  answers: AnswerInput[],
  at: Date,
) {
  const half = Math.ceil(answers.length / 2);
  await saveAnswers(
    db,
    userId,
    attemptId,
    answers.slice(0, half),
    new Date(at.getTime() - 2 * MINUTE_MS),
  );
  // Made-up history: no xAPI statements for an organisation's LRS.
  await submitAttempt(db, userId, attemptId, answers.slice(half), at, null);
  await db.attempt.update({
    where: { id: attemptId },
    data: { createdAt: new Date(at.getTime() - 6 * MINUTE_MS), updatedAt: at },
  });
}

/**
 * One demo learner's four weeks, made once (seed key `demo-history:<email>`), through the app's own
 * code: lessons marked read, quizzes created, autosaved and submitted, reviews of what fell due, each
 * with an explicit clock. FSRS cards, mastery and its change log, and the team's item counts all come
 * out of that code as they would for a real learner. A learner who already has attempts (an older
 * database, or a run stopped half-way) is left alone, so nothing is ever made twice.
 */
async function seedLearnerHistory(
  db: Db,
  learner: DemoLearner,
  teamId: string | undefined,
  now: Date,
): Promise<boolean> {
  const key = `demo-history:${learner.email}`;
  if (await db.seedRecord.findUnique({ where: { key } })) return false;
  const user = await db.user.findUnique({ where: { email: learner.email }, select: { id: true } });
  const items = await db.item.findMany({
    where: { retiredAt: null, note: { retiredAt: null } },
    orderBy: [{ noteSlug: "asc" }, { position: "asc" }],
    select: {
      id: true,
      noteSlug: true,
      owner: true,
      answerKey: true,
      spec: true,
      currentVersionId: true,
    },
  });
  // No content synced yet (a bare test database): try again on a later run.
  if (!user || items.length === 0) return false;
  if (await db.attempt.findFirst({ where: { userId: user.id }, select: { id: true } })) {
    await db.seedRecord.create({ data: { key } });
    return false;
  }
  const team = teamId ?? (await findDemoTeam(db));
  const start = new Date(now.getTime() - 28 * DAY_MS);
  if (team) {
    // Before any answer, so that every submit adds to the team's counts as it would live.
    await db.teamMembership.upsert({
      where: { teamId_userId: { teamId: team, userId: user.id } },
      create: { teamId: team, userId: user.id, role: "MEMBER", joinedAt: start },
      update: {},
    });
  }
  const notes = new Set(items.map((i) => i.noteSlug));
  const halves: HalfKeys = new Map();
  for (const item of items) {
    const spec = parseItemSpec(item.spec);
    if (spec?.kind !== "SPLIT" || item.answerKey === null) continue;
    const key = `${item.noteSlug}|${spec.control}`;
    halves.set(key, { ...halves.get(key), [spec.half]: item.answerKey });
  }
  const lessons = new Set(
    (await db.note.findMany({ where: { retiredAt: null }, select: { slug: true } })).map(
      (n) => n.slug,
    ),
  );
  for (const [index, session] of learner.sessions.entries()) {
    const at = new Date(now.getTime() - session.daysAgo * DAY_MS);
    const random = randomFrom(`${learner.email}|${index}`);
    for (const slug of session.read ?? [])
      if (lessons.has(slug))
        await markRead(db, user.id, slug, true, new Date(at.getTime() - 30 * MINUTE_MS), null);
    if (session.quiz && notes.has(session.quiz.slug)) {
      const quizItems = items.filter((i) => i.noteSlug === session.quiz?.slug);
      const order = shuffled(quizItems, random);
      const attemptId = await createAttempt(
        db,
        { userId: user.id, kind: "QUIZ", noteSlug: session.quiz.slug },
        order,
      );
      const answers = answersFor(
        learner,
        order.map((i) => seedItem(i, halves)),
        session.quiz.accuracy,
        random,
        session.sure === undefined
          ? undefined
          : { share: session.sure, random: randomFrom(`${learner.email}|${index}|sure`) },
      );
      await answerAndSubmit(db, user.id, attemptId, answers, at);
    }
    // Reviews an hour after the quiz, until nothing is due (a review takes 20 cards at most).
    if (session.review !== undefined) {
      const reviewAt = new Date(at.getTime() + 60 * MINUTE_MS);
      for (let round = 0; round < 5; round++) {
        const started = await startReview(db, user.id, reviewAt);
        if (!started) break;
        const shown = await db.answer.findMany({
          where: { attemptId: started.attemptId },
          orderBy: { position: "asc" },
          select: {
            itemId: true,
            item: { select: { noteSlug: true } },
            itemVersion: { select: { owner: true, answerKey: true, spec: true } },
          },
        });
        const answers = answersFor(
          learner,
          shown.map((a) =>
            seedItem({ id: a.itemId, noteSlug: a.item.noteSlug, ...a.itemVersion }, halves),
          ),
          session.review,
          random,
        );
        await answerAndSubmit(
          db,
          user.id,
          started.attemptId,
          answers,
          new Date(reviewAt.getTime() + round * 10 * MINUTE_MS),
        );
      }
    }
  }
  await db.seedRecord.create({ data: { key } });
  return true;
}

/** The demo accounts present in this database, by email. */
export async function findDemoAccounts(db: Db): Promise<string[]> {
  const found = await db.user.findMany({
    where: { email: { in: DEMO_EMAILS } },
    select: { email: true },
  });
  return found.map((user) => user.email);
}

/** Deletes the demo accounts (and, through the schema's cascades, their progress and memberships). */
export async function removeDemoAccounts(db: Db): Promise<number> {
  const { count } = await db.user.deleteMany({
    where: { email: { in: DEMO_EMAILS } },
  });
  return count;
}

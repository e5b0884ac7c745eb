import type { Owner } from "@/lib/content/types";
import { OWNERS } from "@/lib/content/types";
import type { CurrentUser } from "@/lib/contracts/session";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import { startQuizAttempt } from "@/server/quiz/start-attempt";
import { submitAttempt } from "@/server/quiz/submit-attempt";
import { createTeam } from "@/server/teams/create-team";
import { joinTeam } from "@/server/teams/join-team";
import type { QuizNote } from "./journey";

export const BENCH_PASSWORD = "bench-password-2026";

/** Learner accounts in bulk. One argon2 hash serves them all: hashing is not what the bench measures. */
export async function createLearners(
  db: Db,
  count: number,
  prefix: string,
): Promise<CurrentUser[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(6, "0")}`,
    email: `${prefix}-${i}@bench.example`,
    name: `${prefix} learner ${String(i).padStart(5, "0")}`,
    passwordHash,
    role: "LEARNER" as const,
  }));
  for (let i = 0; i < users.length; i += 1000)
    await db.user.createMany({ data: users.slice(i, i + 1000) });
  return users.map(({ id, email, name, role }) => ({ id, email, name, role }));
}

/** A team led by a new instructor, joined by every learner through the app's own join. */
export async function createBenchTeam(db: Db, learners: CurrentUser[]) {
  const instructor = (await createLearners(db, 1, "instructor"))[0];
  await db.user.update({ where: { id: instructor.id }, data: { role: "INSTRUCTOR" } });
  const lead = { ...instructor, role: "INSTRUCTOR" as const };
  const team = await createTeam(db, lead, "Bench Team");
  for (const learner of learners) await joinTeam(db, learner, team.inviteCode);
  return { team, instructor: lead };
}

export interface QuizCatalog {
  /** Every note with a quiz, by slug, and how many items its quiz has. */
  quizzes: QuizNote[];
  owners: Map<string, Owner>;
}

export async function loadCatalog(db: Db): Promise<QuizCatalog> {
  const items = await db.item.findMany({
    where: { retiredAt: null },
    select: { id: true, noteSlug: true, owner: true },
  });
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.noteSlug, (counts.get(item.noteSlug) ?? 0) + 1);
  return {
    quizzes: [...counts.keys()].sort().map((slug) => ({ slug, items: counts.get(slug) ?? 0 })),
    owners: new Map(items.map((i) => [i.id, i.owner])),
  };
}

/** Answers right about 70% of the time, otherwise picks one of the two wrong owners. */
export function answerLike(owner: Owner, rng: () => number): Owner {
  if (rng() < 0.7) return owner;
  const wrong = OWNERS.filter((o) => o !== owner);
  return wrong[Math.floor(rng() * wrong.length)];
}

/**
 * Records quiz attempts through the app's own start and submit code until at least `answers` answers
 * exist, spread round-robin over the learners and over the quiz notes.
 */
export async function recordAttempts(
  db: Db,
  learners: CurrentUser[],
  catalog: QuizCatalog,
  answers: number,
  rng: () => number,
  start = 0,
): Promise<number> {
  let recorded = 0;
  for (let n = start; recorded < answers; n++) {
    const learner = learners[n % learners.length];
    const { slug } = catalog.quizzes[Math.floor(rng() * catalog.quizzes.length)];
    const attempt = await startQuizAttempt(db, learner.id, slug);
    const choices = attempt.items.map((item) => ({
      itemId: item.id,
      choice: answerLike(catalog.owners.get(item.id) ?? "SHARED", rng),
    }));
    await submitAttempt(db, learner.id, attempt.attemptId, choices);
    recorded += choices.length;
  }
  return recorded;
}

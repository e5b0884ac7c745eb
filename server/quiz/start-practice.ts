import "server-only";
import { parseItemSpec } from "@/lib/content/item-spec";
import type { ItemKind } from "@/lib/content/types";
import { drawToSize } from "@/lib/practice/draw-to-size";
import { askEachControlOnce } from "@/lib/quiz/fair-draw";
import type { PracticeSettings, QuizItemKind, StartedPractice } from "@/lib/contracts/quiz";
import type { PracticeTestInput } from "@/lib/validation/quiz";
import type { Db } from "@/server/db/client";
import { HttpError } from "@/server/http/errors";
import { createAttempt, shuffled } from "./start-attempt";

const DB_KINDS: Record<QuizItemKind, ItemKind> = {
  assign: "ASSIGN",
  service: "SERVICE",
  matrix: "MATRIX",
  split: "SPLIT",
  scenario: "SCENARIO",
};

interface PoolItem {
  id: string;
  currentVersionId: string;
  noteSlug: string;
  key: string;
  kind: ItemKind;
  position: number;
  spec: string | null;
}

/**
 * One question of a practice test: a control, a matrix cell, or the parts that only make sense
 * together: both halves of a split, both parts of a scenario.
 */
function questionsOf(items: PoolItem[]): PoolItem[][] {
  const groups = new Map<string, PoolItem[]>();
  for (const item of items) {
    const spec = parseItemSpec(item.spec);
    const group =
      spec?.kind === "SPLIT"
        ? `split:${item.noteSlug}:${spec.control}`
        : spec?.kind === "SCENARIO"
          ? `scenario:${spec.scenario}`
          : item.id;
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  return [...groups.values()].map((parts) => parts.sort((a, b) => a.position - b.position));
}

/**
 * Starts a practice test: `size` questions drawn at random from the notes and kinds asked for (all,
 * when not given), each answer one question (draw-to-size.ts), and a Shared control asked by its
 * owner or by its halves, never both (fair-draw.ts). A retake prefers questions the learner has not had in a practice test before,
 * and falls back to those they have when the pool runs out. With a time limit the attempt carries
 * its deadline, which the server enforces (submitIfExpired). An assignment's practice test carries
 * the assignment's id, whose review options then decide what its results show.
 */
export async function startPracticeTest(
  db: Db,
  userId: string,
  input: PracticeTestInput,
  now = new Date(),
  assignment?: { id: string; attempt: number },
): Promise<StartedPractice> {
  if (input.notes) {
    const known = new Set(
      (
        await db.note.findMany({
          where: { slug: { in: input.notes }, retiredAt: null },
          select: { slug: true },
        })
      ).map((n) => n.slug),
    );
    const fields: Record<string, string[]> = {};
    input.notes.forEach((slug, i) => {
      if (!known.has(slug)) fields[`notes.${i}`] = [`There is no lesson ${slug}`];
    });
    if (Object.keys(fields).length > 0)
      throw new HttpError(422, "validation_failed", "Some lessons do not exist.", fields);
  }
  const pool = await db.item.findMany({
    where: {
      retiredAt: null,
      note: { retiredAt: null },
      ...(input.notes ? { noteSlug: { in: input.notes } } : {}),
      ...(input.kinds ? { kind: { in: input.kinds.map((k) => DB_KINDS[k]) } } : {}),
    },
    select: {
      id: true,
      currentVersionId: true,
      noteSlug: true,
      key: true,
      kind: true,
      position: true,
      spec: true,
    },
  });
  if (pool.length === 0)
    throw new HttpError(422, "validation_failed", "No questions match these lessons and kinds.", {
      _: ["No questions match these lessons and kinds"],
    });

  const seen = new Set(
    (
      await db.answer.findMany({
        where: { attempt: { userId, kind: "PRACTICE" }, itemId: { in: pool.map((i) => i.id) } },
        select: { itemId: true },
        distinct: ["itemId"],
      })
    ).map((a) => a.itemId),
  );
  const questions = shuffled(questionsOf(askEachControlOnce(pool)));
  const isNew = (question: PoolItem[]) => question.every((item) => !seen.has(item.id));
  const drawn = drawToSize(
    [...questions.filter(isNew), ...questions.filter((q) => !isNew(q))],
    input.size,
  );

  const settings: PracticeSettings = {
    notes: input.notes ?? null,
    kinds: input.kinds ?? null,
    size: input.size,
    timeLimitMinutes: input.timeLimitMinutes ?? null,
  };
  const attemptId = await createAttempt(
    db,
    {
      userId,
      kind: "PRACTICE",
      practice: JSON.stringify(settings),
      ...(assignment ? { assignmentId: assignment.id, assignmentAttempt: assignment.attempt } : {}),
      ...(input.timeLimitMinutes
        ? { expiresAt: new Date(now.getTime() + input.timeLimitMinutes * 60_000) }
        : {}),
    },
    drawn.flat(),
  );
  return { attemptId };
}

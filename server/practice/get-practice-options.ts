import "server-only";
import { groupLessons } from "@/lib/content/lesson-groups";
import type { QuizItemKind } from "@/lib/contracts/quiz";
import { PRACTICE_KINDS } from "@/lib/practice/practice-form";
import { loadLibrary } from "@/server/content/load-library";
import type { Db } from "@/server/db/client";

const KIND_OF = {
  ASSIGN: "assign",
  SERVICE: "service",
  MATRIX: "matrix",
  SPLIT: "split",
  SCENARIO: "scenario",
} as const satisfies Record<string, QuizItemKind>;

export interface PracticeLesson {
  slug: string;
  title: string;
  /** How many questions of each kind the lesson can give: each answer is one, a half and a cell too. */
  questions: Partial<Record<QuizItemKind, number>>;
}

export interface PracticeOptions {
  /** The lessons with questions, grouped and ordered as /lessons shows them. */
  groups: Array<{ name: string; lessons: PracticeLesson[] }>;
  /** The kinds that have questions, in the form's order. */
  kinds: Array<{ kind: QuizItemKind; title: string; questions: number }>;
}

/**
 * What the practice form offers: every lesson with a question, under its /lessons group, and the
 * kinds some lesson has. Questions are counted as startPracticeTest draws them, so the form can say
 * how many a choice of lessons and kinds holds.
 */
export async function getPracticeOptions(db: Db): Promise<PracticeOptions> {
  const items = await db.item.findMany({
    where: { retiredAt: null, note: { retiredAt: null } },
    select: { noteSlug: true, kind: true, note: { select: { title: true } } },
  });
  // Each answer is one question (lib/practice/draw-to-size.ts): a matrix cell, a half, a part.
  const questions = new Map<string, number>();
  const titles = new Map<string, string>();
  for (const item of items) {
    const key = `${item.noteSlug}\n${KIND_OF[item.kind]}`;
    questions.set(key, (questions.get(key) ?? 0) + 1);
    titles.set(item.noteSlug, item.note.title);
  }
  const count = (slug: string, kind: QuizItemKind) => questions.get(`${slug}\n${kind}`) ?? 0;

  const library = loadLibrary();
  const known = new Set(library.notes.map((n) => n.slug));
  // Notes in the database but not in this build's library (content changed since) still count.
  const notes = [
    ...library.notes.filter((n) => titles.has(n.slug)),
    ...[...titles.keys()]
      .filter((slug) => !known.has(slug))
      .map((slug) => ({ slug, title: titles.get(slug) ?? slug, tags: [], group: undefined })),
  ];
  const lesson = (slug: string, title: string): PracticeLesson => ({
    slug,
    title,
    questions: Object.fromEntries(
      PRACTICE_KINDS.map(({ kind }) => [kind, count(slug, kind)]).filter(([, n]) => n),
    ),
  });
  const groups = groupLessons(notes).map((group) => ({
    name: group.name,
    lessons: group.notes.map((n) => lesson(n.slug, n.title)),
  }));
  const kinds = PRACTICE_KINDS.map(({ kind, title }) => ({
    kind,
    title,
    questions: groups
      .flatMap((g) => g.lessons)
      .reduce((sum, l) => sum + (l.questions[kind] ?? 0), 0),
  })).filter((k) => k.questions > 0);
  return { groups, kinds };
}

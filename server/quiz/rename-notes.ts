import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import type { ParsedNote } from "@/lib/content/types";

type Tx = Prisma.TransactionClient;

export interface NoteRename {
  from: string;
  to: string;
}

/**
 * Moves a renamed note's history to its new slug, before the sync matches items by slug and key:
 * without it the old note would be retired and the new one would start from nothing, and every
 * learner's attempts, answers, review cards, progress and mastery would stay behind.
 *
 * A note lists its old slugs in frontmatter `formerSlugs`. A move happens only when the database
 * has a note under the former slug and none under the new one, so running the sync again is a no-op.
 * Answers and review cards hang on items, which keep their ids: moving the items moves them.
 */
export async function renameNotes(
  tx: Tx,
  notes: Pick<ParsedNote, "slug" | "title" | "formerSlugs">[],
): Promise<NoteRename[]> {
  const renames: NoteRename[] = [];
  for (const note of notes) {
    for (const from of note.formerSlugs) {
      const [before, after] = await Promise.all([
        tx.note.findUnique({ where: { slug: from } }),
        tx.note.findUnique({ where: { slug: note.slug } }),
      ]);
      if (!before || after) continue;
      const to = note.slug;
      await tx.note.create({ data: { slug: to, title: note.title, retiredAt: before.retiredAt } });
      await tx.item.updateMany({ where: { noteSlug: from }, data: { noteSlug: to } });
      await tx.attempt.updateMany({ where: { noteSlug: from }, data: { noteSlug: to } });
      // A learner who already has progress under the new slug (read before any sync ran) keeps that
      // row; their old one stays where it was rather than clash on the (user, note) key.
      const clashing = await tx.noteProgress.findMany({
        where: { noteSlug: to },
        select: { userId: true },
      });
      await tx.noteProgress.updateMany({
        where: { noteSlug: from, userId: { notIn: clashing.map((p) => p.userId) } },
        data: { noteSlug: to },
      });
      await tx.masteryEvent.updateMany({ where: { noteSlug: from }, data: { noteSlug: to } });
      await tx.note.delete({ where: { slug: from } });
      renames.push({ from, to });
    }
  }
  return renames;
}

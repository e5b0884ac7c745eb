import "server-only";
import type { LessonRead } from "@/lib/contracts/progress";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";

export async function markRead(
  db: Db,
  userId: string,
  noteSlug: string,
  read: boolean,
  now = new Date(),
): Promise<LessonRead> {
  const note = await db.note.findUnique({ where: { slug: noteSlug }, select: { slug: true } });
  if (!note) throw notFound("Lesson");
  const readAt = read ? now : null;
  await db.noteProgress.upsert({
    where: { userId_noteSlug: { userId, noteSlug } },
    create: { userId, noteSlug, readAt, lastActiveAt: now },
    update: { readAt, lastActiveAt: now },
  });
  return { slug: noteSlug, read };
}

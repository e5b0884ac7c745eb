import "server-only";
import type { LessonRead } from "@/lib/contracts/progress";
import { lessonReadStatement } from "@/lib/xapi/statements";
import type { Db } from "@/server/db/client";
import { notFound } from "@/server/http/errors";
import { xapiConfig } from "@/server/xapi/config";
import { enqueueStatements } from "@/server/xapi/outbox";
import { transaction } from "@/server/db/transaction";

export async function markRead(
  db: Db,
  userId: string,
  noteSlug: string,
  read: boolean,
  now = new Date(),
  xapi = xapiConfig(),
): Promise<LessonRead> {
  const note = await db.note.findUnique({
    where: { slug: noteSlug },
    select: { slug: true, title: true },
  });
  if (!note) throw notFound("Lesson");
  const readAt = read ? now : null;
  await transaction(db, async (tx) => {
    await tx.noteProgress.upsert({
      where: { userId_noteSlug: { userId, noteSlug } },
      create: { userId, noteSlug, readAt, lastActiveAt: now },
      update: { readAt, lastActiveAt: now },
    });
    // Each time a learner marks a lesson read is one experience of it; unmarking says nothing.
    if (read)
      await enqueueStatements(
        tx,
        xapi,
        userId,
        [(source, id) => lessonReadStatement(source, id, note, now)],
        now,
      );
  });
  return { slug: noteSlug, read };
}

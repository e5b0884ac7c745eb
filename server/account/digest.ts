import "server-only";
import type { Db } from "@/server/db/client";
import { listMyAssignments } from "@/server/assignments/list-assignments";
import {
  appLink,
  emailEnabled,
  mailConfig,
  sendMail,
  type MailConfig,
} from "@/server/mail/send-mail";
import { digestMail, type DigestContent } from "@/server/mail/templates";

const DAY = 24 * 3600_000;
/** A digest goes out at most once in this long, and looks this far ahead. */
export const DIGEST_PERIOD_MS = 7 * DAY;
/** How many people one run looks at; the next run (an hour later) takes the rest. */
const BATCH = 200;

/** What a digest would say: reviews due within a week, and assignments due within a week or overdue. */
export async function readDigestContent(db: Db, userId: string, now: Date): Promise<DigestContent> {
  const horizon = new Date(now.getTime() + DIGEST_PERIOD_MS);
  const [reviewsDue, assignments] = await Promise.all([
    db.reviewCard.count({ where: { userId, due: { lte: horizon } } }),
    listMyAssignments(db, userId, now),
  ]);
  return {
    reviewsDue,
    assignments: assignments
      .filter((a) => a.status !== "done" && new Date(a.dueAt) <= horizon)
      .map((a) => ({ title: a.title, dueAt: new Date(a.dueAt), overdue: a.status === "overdue" })),
  };
}

const hasNews = (content: DigestContent) =>
  content.reviewsDue > 0 || content.assignments.length > 0;

/**
 * Emails the weekly digest to everyone who wants it, was not sent one in the last 7 days, and has
 * something due. Each is claimed first by a conditional update of digestSentAt, so of two instances
 * running this at once only one sends to a person; a mail the SMTP server refuses gives the claim
 * back, to be tried on the next run. Without SMTP it does nothing.
 */
export async function sendWeeklyDigests(
  db: Db,
  options: { now?: Date; config?: MailConfig } = {},
): Promise<{ sent: number; failed: number }> {
  const config = options.config ?? mailConfig();
  const result = { sent: 0, failed: 0 };
  if (!emailEnabled(config)) return result;
  const now = options.now ?? new Date();
  const due = {
    weeklyDigest: true,
    deletedAt: null,
    OR: [
      { digestSentAt: null },
      { digestSentAt: { lte: new Date(now.getTime() - DIGEST_PERIOD_MS) } },
    ],
  };
  const people = await db.user.findMany({
    where: due,
    select: { id: true, name: true, email: true, digestSentAt: true },
    orderBy: { id: "asc" },
    take: BATCH,
  });
  for (const person of people) {
    const content = await readDigestContent(db, person.id, now);
    if (!hasNews(content)) continue;
    const { count } = await db.user.updateMany({
      where: { id: person.id, ...due },
      data: { digestSentAt: now },
    });
    if (count !== 1) continue;
    const message = digestMail(person.email, person.name, content, {
      review: appLink(config, "/review"),
      assignments: appLink(config, "/assignments"),
      account: appLink(config, "/account"),
    });
    try {
      await sendMail(message, config);
      result.sent++;
    } catch (error) {
      console.error("weekly digest email failed:", error);
      await db.user.updateMany({
        where: { id: person.id, digestSentAt: now },
        data: { digestSentAt: person.digestSentAt },
      });
      result.failed++;
    }
  }
  return result;
}

/** The /account switch. */
export async function setWeeklyDigest(db: Db, userId: string, on: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { weeklyDigest: on } });
}

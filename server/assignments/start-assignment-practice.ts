import "server-only";
import type { StartedPractice } from "@/lib/contracts/quiz";
import type { Db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { HttpError, notFound } from "@/server/http/errors";
import { startPracticeTest } from "@/server/quiz/start-practice";
import { submitIfExpired } from "@/server/quiz/submit-attempt";

/**
 * `POST /api/me/assignments/<aid>/attempts`: the assignment's practice test, drawn from its notes
 * with its size and time limit. An attempt still open is resumed rather than a second one started.
 * Refused before the open date and once the attempts allowed are used; after the due date it may
 * still be taken, as late work.
 */
export async function startAssignmentPractice(
  db: Db,
  userId: string,
  assignmentId: string,
  now: Date,
): Promise<StartedPractice> {
  const assignment = await db.assignment.findFirst({
    where: {
      id: assignmentId,
      deletedAt: null,
      team: { memberships: { some: { userId, role: "MEMBER" } } },
    },
    select: {
      id: true,
      kind: true,
      size: true,
      timeLimitMinutes: true,
      attemptsAllowed: true,
      opensAt: true,
      notes: { select: { noteSlug: true }, orderBy: { position: "asc" } },
    },
  });
  // Before its open date an assignment is hidden from its learners; starting it says why.
  if (!assignment) throw notFound("Assignment");
  if (assignment.kind !== "PRACTICE")
    throw new HttpError(
      409,
      "not_practice",
      "This assignment is learned through its lessons' quizzes.",
    );
  if (assignment.opensAt && assignment.opensAt > now)
    throw new HttpError(409, "not_open", "This assignment has not opened yet.");

  const resumable = await findOpenAttempt(db, userId, assignmentId, now);
  if (resumable) return { attemptId: resumable };
  const used = await db.attempt.count({ where: { userId, assignmentId } });
  if (used >= (assignment.attemptsAllowed ?? 1)) throw noAttemptsLeft();

  try {
    return await startPracticeTest(
      db,
      userId,
      {
        notes: assignment.notes.map((n) => n.noteSlug),
        size: assignment.size ?? 1,
        ...(assignment.timeLimitMinutes ? { timeLimitMinutes: assignment.timeLimitMinutes } : {}),
      },
      now,
      { id: assignment.id, attempt: used + 1 },
    );
  } catch (error) {
    // Another start took this attempt's number at the same moment (a double click, two tabs): the
    // unique attempt number lets only one through, and this one resumes it.
    if (!isUniqueViolation(error)) throw error;
    const other = await findOpenAttempt(db, userId, assignmentId, now);
    if (other) return { attemptId: other };
    throw noAttemptsLeft();
  }
}

function noAttemptsLeft() {
  return new HttpError(
    409,
    "no_attempts_left",
    "You have used every attempt this assignment allows.",
  );
}

/** The learner's attempt at the assignment still open, once a timed one past its deadline is submitted. */
async function findOpenAttempt(db: Db, userId: string, assignmentId: string, now: Date) {
  const open = await db.attempt.findFirst({
    where: { userId, assignmentId, status: "IN_PROGRESS" },
    select: { id: true },
  });
  if (!open) return null;
  // A timed attempt past its deadline is submitted first, and then counts as used.
  await submitIfExpired(db, userId, open.id, now);
  const still = await db.attempt.findFirst({
    where: { id: open.id, status: "IN_PROGRESS" },
    select: { id: true },
  });
  return still?.id ?? null;
}

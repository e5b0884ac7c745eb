import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { notFound } from "next/navigation";
import { PracticeCountdown } from "@/components/practice/practice-countdown";
import { PracticeResults } from "@/components/practice/practice-results";
import { AnswersWithheld } from "@/components/quiz/answers-withheld";
import { QuizSession } from "@/components/quiz/quiz-session";
import { ActionForm } from "@/components/ui/action-form";
import { describePractice } from "@/lib/practice/practice-form";
import { idParamSchema } from "@/lib/validation/quiz";
import { isWithheld } from "@/lib/quiz/review-options";
import { orNotFound, requirePageUser } from "@/server/auth/page-guards";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { getAttempt } from "@/server/quiz/get-attempt";
import { countReviewOffer } from "@/server/quiz/start-review";
import { retakePracticeAction } from "../actions";

export const metadata: Metadata = { title: "Practice test" };

/**
 * One practice test: the quiz while it is open (with a countdown when it is timed), its results once
 * submitted. Reading it submits a timed test whose time is up (getAttempt), so a refresh at zero
 * shows the results: the server, not the browser, ends the test.
 */
export default async function PracticeAttemptPage({
  params,
}: {
  params: Promise<{ attemptId: string }>;
}) {
  const id = idParamSchema.safeParse((await params).attemptId);
  if (!id.success) notFound();
  const path = `/practice/${id.data}`;
  const user = await requirePageUser(path);
  const db = getDb();
  const readAt = new Date();
  const attempt = await orNotFound(getAttempt(db, user.id, id.data, readAt, await requestTime()));
  if (attempt.kind !== "practice" || !attempt.practice) notFound();
  const summary = describePractice(attempt.practice, attempt.items.length);

  const header = (
    <header className="page-header quiz-header">
      <p className="eyebrow">
        <Link href="/practice">Practice</Link> / {attempt.result ? "results" : "test"}
      </p>
      <h1>Practice test</h1>
      <p>{summary}</p>
    </header>
  );

  if (attempt.result && isWithheld(attempt.result)) {
    // An assignment's test: no retake here, its attempts start from the assignment.
    return (
      <div>
        {header}
        <AnswersWithheld attemptId={attempt.id} result={attempt.result} items={attempt.items}>
          <p className="results-links">
            <Link href="/progress">See your progress</Link>
          </p>
        </AnswersWithheld>
      </div>
    );
  }
  if (attempt.result) {
    return (
      <div>
        {header}
        <PracticeResults
          attempt={{ ...attempt, result: attempt.result }}
          reviewCount={await countReviewOffer(db, user.id)}
          retake={
            attempt.assignmentId ? (
              // An assignment's test is retaken from the assignment, which counts its attempts.
              <ButtonLink variant="primary" href={`/assignments/${attempt.assignmentId}`}>
                Back to the assignment
              </ButtonLink>
            ) : (
              <ActionForm
                action={retakePracticeAction}
                submitLabel="Retake with the same settings"
                pendingLabel="Starting…"
                className="inline-form"
                variant="primary"
              >
                <input type="hidden" name="attemptId" value={attempt.id} />
              </ActionForm>
            )
          }
        />
      </div>
    );
  }
  return (
    <div>
      {header}
      {attempt.expiresAt ? (
        <PracticeCountdown remainingMs={Date.parse(attempt.expiresAt) - readAt.getTime()} />
      ) : null}
      <QuizSession
        key={attempt.id}
        attemptId={attempt.id}
        items={attempt.items}
        initialAnswers={attempt.answers}
        resultsHref={path}
      />
    </div>
  );
}

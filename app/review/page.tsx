import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswersWithheld } from "@/components/quiz/answers-withheld";
import { QuizResults } from "@/components/quiz/quiz-results";
import { QuizSession } from "@/components/quiz/quiz-session";
import { ActionForm } from "@/components/ui/action-form";
import { isWithheld } from "@/lib/quiz/review-options";
import { attemptQuerySchema } from "@/lib/validation/quiz";
import { orNotFound, requirePageUser } from "@/server/auth/page-guards";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { getAttempt } from "@/server/quiz/get-attempt";
import {
  countDue,
  countReviewOffer,
  findOpenReview,
  REVIEW_BATCH,
} from "@/server/quiz/start-review";
import { startReviewAction } from "./actions";

export const metadata: Metadata = { title: "Review" };

function itemsDue(count: number): string {
  return `${count} item${count === 1 ? "" : "s"} due, across your lessons.`;
}

/**
 * Review of what is due. Rendering only reads: it resumes the review left open, or offers to start
 * one by POST (./actions.ts). `?attempt=<id>` shows that review's results once it is submitted.
 */
export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = attemptQuerySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const requested = query.data.attempt;
  const user = await requirePageUser(requested ? `/review?attempt=${requested}` : "/review");
  const db = getDb();
  const attemptId = requested ?? (await findOpenReview(db, user.id))?.id;
  const attempt = attemptId
    ? await orNotFound(getAttempt(db, user.id, attemptId, new Date(), await requestTime()))
    : null;
  if (attempt && attempt.kind !== "review") notFound();

  // Withheld only by an assignment's review options, which no review has; read here like any attempt.
  if (attempt?.result && isWithheld(attempt.result)) {
    return (
      <div>
        <h1>Review</h1>
        <AnswersWithheld attemptId={attempt.id} result={attempt.result} items={attempt.items} />
      </div>
    );
  }
  if (attempt?.result && !isWithheld(attempt.result)) {
    return (
      <div>
        <h1>Review</h1>
        <QuizResults
          attemptId={attempt.id}
          title="Review"
          result={attempt.result}
          sections={attempt.sections ?? []}
          items={attempt.items}
          reviewCount={await countReviewOffer(db, user.id)}
        />
      </div>
    );
  }
  if (attempt) {
    return (
      <div>
        <header className="page-header quiz-header">
          <h1>Review</h1>
          <p>{itemsDue(attempt.items.length)}</p>
        </header>
        <QuizSession
          key={attempt.id}
          attemptId={attempt.id}
          items={attempt.items}
          initialAnswers={attempt.answers}
          resultsHref={`/review?attempt=${attempt.id}`}
        />
      </div>
    );
  }
  const due = await countDue(db, user.id);
  if (due === 0) {
    return (
      <div>
        <h1>Review</h1>
        <p>
          Nothing is due right now. Items you miss come back here at once; items you know come back
          when you are about to forget them.
        </p>
        <p>
          <Link href="/lessons">Pick a lesson</Link> or{" "}
          <Link href="/progress">see your progress</Link>.
        </p>
      </div>
    );
  }
  return (
    <div>
      <header className="page-header">
        <h1>Review</h1>
        <p>{itemsDue(due)}</p>
        {due > REVIEW_BATCH ? (
          <p>This review takes the {REVIEW_BATCH} due soonest; the others come in the next one.</p>
        ) : null}
      </header>
      <ActionForm
        action={startReviewAction}
        submitLabel="Start review"
        pendingLabel="Starting…"
        className="inline-form"
        variant="primary"
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { QuizBoard } from "@/components/quiz/quiz-board";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { getAttempt } from "@/server/quiz/get-attempt";
import { startReview } from "@/server/quiz/start-review";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/review");
  const db = getDb();
  const review = await startReview(db, user.id);
  if (!review) {
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
  const attempt = await getAttempt(db, user.id, review.attemptId);
  return (
    <div>
      <header className="page-header">
        <h1>Review</h1>
        <p>
          {attempt.items.length} item{attempt.items.length === 1 ? "" : "s"} due, across your
          lessons.
        </p>
      </header>
      <QuizBoard
        attemptId={attempt.id}
        title="Review"
        items={attempt.items}
        initialAnswers={attempt.answers}
      />
    </div>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { OwnerBadge } from "@/components/ui/owner-badge";
import type { GradedAttempt, QuizItem } from "@/lib/contracts/quiz";
import { scorePercent } from "@/lib/quiz/score";

/**
 * A submitted attempt: the score, then every answer beside the expected owner with its explanation
 * and a link to the lesson section. `children` adds actions to the toolbar, such as "Try again".
 */
export function QuizResults({
  title,
  result,
  items,
  lessonHref,
  children,
}: {
  title: string;
  result: GradedAttempt;
  items: Array<Pick<QuizItem, "id" | "prompt">>;
  /** Where "back to the lesson" goes; absent for a review across notes. */
  lessonHref?: string;
  children?: ReactNode;
}) {
  const promptOf = new Map(items.map((item) => [item.id, item.prompt]));
  const missed = result.results.filter((r) => !r.correct).length;
  return (
    <section className="quiz-results" aria-labelledby="results-heading">
      <h2 id="results-heading">Results: {title}</h2>
      <p className="score" role="status">
        {result.score.correct} of {result.score.total} right ({scorePercent(result.score)}%)
      </p>
      <div className="quiz-toolbar">
        {missed > 0 ? (
          <Link className="button primary" href="/review">
            Review what you missed ({missed})
          </Link>
        ) : (
          <span>Every control in the right place.</span>
        )}
        {children}
        {lessonHref ? <Link href={lessonHref}>Back to the lesson</Link> : null}
        <Link href="/progress">See your progress</Link>
      </div>
      <ol className="results">
        {result.results.map((answer) => (
          <li
            key={answer.itemId}
            className={`result ${answer.correct ? "result-right" : "result-wrong"}`}
          >
            <p>
              <span className="result-verdict">{answer.correct ? "✓ Right" : "✗ Wrong"}</span> ·{" "}
              <strong>{promptOf.get(answer.itemId)}</strong>
            </p>
            <p>
              Expected <OwnerBadge owner={answer.expected} />
              {!answer.correct ? (
                <> · you chose {answer.choice ? <OwnerBadge owner={answer.choice} /> : "nothing"}</>
              ) : null}
            </p>
            <p>{answer.explanation}</p>
            <Link href={answer.lessonHref}>Read this in the lesson</Link>
          </li>
        ))}
      </ol>
    </section>
  );
}

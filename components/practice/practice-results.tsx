import Link from "next/link";
import type { ReactNode } from "react";
import { ResultsList, type ResultRow } from "@/components/quiz/results-list";
import { ButtonLink } from "@/components/ui/button";
import type { Attempt, GradedAttempt, PartScore } from "@/lib/contracts/quiz";
import { scorePercent } from "@/lib/quiz/score";
import { ResultsHeading } from "@/components/quiz/results-heading";
import { ScoreCard } from "@/components/quiz/score-card";

/** One slice of the score as a compact table: each lesson (or kind), right of total, and a bar. */
function PartScores({
  caption,
  name,
  parts,
}: {
  caption: string;
  name: string;
  parts: PartScore[];
}) {
  return (
    <table className="part-scores">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{name}</th>
          <th scope="col" className="num">
            Right
          </th>
          <th scope="col" className="part-scores-bar">
            <span className="visually-hidden">Score</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {parts.map((part) => {
          const percent = scorePercent(part);
          return (
            <tr key={part.key}>
              <th scope="row">{part.title}</th>
              <td className="num">
                {part.correct}/{part.total}
              </td>
              <td className="part-scores-bar">
                <span className="part-scores-meter">
                  <span className="score-bar" aria-hidden="true">
                    <span style={{ width: `${percent}%` }} />
                  </span>
                  <span className="part-scores-percent">{percent}%</span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * A submitted practice test: the score, then the score by lesson and by kind, then what was missed
 * (the right answers one toggle away, as after a quiz), then what next: retake it with the same
 * settings, or set up a new one.
 */
export function PracticeResults({
  attempt,
  reviewCount,
  retake,
}: {
  attempt: Attempt & { result: GradedAttempt };
  reviewCount: number;
  /** The "Retake with the same settings" form. */
  retake: ReactNode;
}) {
  const { result } = attempt;
  const itemById = new Map(attempt.items.map((item) => [item.id, item]));
  const sections = attempt.sections ?? [];
  const sectionOf = new Map(
    sections.flatMap((s) => s.itemIds.map((id) => [id, `${s.noteTitle} · ${s.title}`] as const)),
  );
  const rows: ResultRow[] = result.results.map((r) => ({
    ...r,
    attemptId: attempt.id,
    prompt: itemById.get(r.itemId)?.prompt ?? "",
    section: sectionOf.get(r.itemId) ?? itemById.get(r.itemId)?.noteTitle ?? "",
    // The item's options, so that an option question shows its statements, the right one too.
    item: itemById.get(r.itemId),
  }));
  return (
    <section className="quiz-results practice-results" aria-labelledby="results-heading">
      <ResultsHeading attemptId={attempt.id} />
      <ScoreCard score={result.score} />
      <div className="part-scores-grid">
        <PartScores caption="By lesson" name="Lesson" parts={attempt.byNote ?? []} />
        <PartScores caption="By kind of question" name="Kind" parts={attempt.byKind ?? []} />
      </div>
      <ResultsList rows={rows} />
      <h3>What next</h3>
      <div className="quiz-toolbar results-actions">
        {retake}
        <ButtonLink href="/practice">New practice test</ButtonLink>
        {reviewCount > 0 ? (
          <ButtonLink href="/review">Review what you missed ({reviewCount})</ButtonLink>
        ) : null}
      </div>
      <p className="results-links">
        <Link href="/progress">See your progress</Link>
      </p>
    </section>
  );
}

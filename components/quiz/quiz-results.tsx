import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import type { AttemptItem, GradedAttempt, SectionScore } from "@/lib/contracts/quiz";
import { scorePercent } from "@/lib/quiz/score";
import { ConfidentlyWrong, ResultsList, type ResultRow } from "./results-list";
import { ResultsMatrices } from "./results-matrix";
import { ResultsHeading } from "./results-heading";
import { ScoreCard } from "./score-card";

/**
 * A submitted attempt, in the order a learner uses it: the score and the score by section, then
 * what was missed (the right answers one toggle away), then what to do next: try again, or review
 * what was missed. `reviewCount` is what /review will present (server/quiz/start-review.ts).
 */
export function QuizResults({
  attemptId,
  title,
  result,
  sections,
  items,
  lessonHref,
  reviewCount,
  children,
}: {
  attemptId: string;
  title: string;
  result: GradedAttempt;
  sections: SectionScore[];
  items: AttemptItem[];
  /** Where "back to the lesson" goes; absent for a review across notes. */
  lessonHref?: string;
  reviewCount: number;
  /** Further actions, such as the "Try again" form. */
  children?: ReactNode;
}) {
  const itemById = new Map(items.map((item) => [item.id, item]));
  const manyNotes = new Set(sections.map((s) => s.noteTitle)).size > 1;
  const sectionOf = new Map(
    sections.flatMap((s) =>
      s.itemIds.map((id) => [id, manyNotes ? `${s.noteTitle} · ${s.title}` : s.title] as const),
    ),
  );
  const rows: ResultRow[] = result.results.map((r) => ({
    ...r,
    attemptId,
    prompt: itemById.get(r.itemId)?.prompt ?? "",
    section: sectionOf.get(r.itemId) ?? "",
    item: itemById.get(r.itemId),
  }));
  return (
    <section className="quiz-results" aria-labelledby="results-heading">
      {/* The page's title says which quiz; the name still does, for a screen reader's list of headings. */}
      <ResultsHeading attemptId={attemptId} label={`Results: ${title}`} />
      <ScoreCard score={result.score} />
      <ConfidentlyWrong rows={rows} />
      {sections.length > 1 ? (
        <>
          <h3>By section</h3>
          <ul className="section-scores">
            {sections.map((section) => (
              <li key={`${section.noteTitle}/${section.title}`}>
                <span className="section-score-name">
                  {manyNotes ? <span className="eyebrow">{section.noteTitle}</span> : null}
                  {section.title}
                </span>
                <span className="section-score-value">
                  {section.correct} of {section.total}
                </span>
                <span className="score-bar" aria-hidden="true">
                  <span style={{ width: `${scorePercent(section)}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ResultsMatrices items={items} results={result.results} />
      <ResultsList rows={rows} />
      <h3>What next</h3>
      <div className="quiz-toolbar results-actions">
        {children}
        {reviewCount > 0 ? (
          <ButtonLink variant="primary" size="large" href="/review">
            Review what you missed ({reviewCount})
          </ButtonLink>
        ) : null}
      </div>
      <p className="results-links">
        {lessonHref ? <Link href={lessonHref}>Back to the lesson</Link> : null}
        <Link href="/progress">See your progress</Link>
      </p>
    </section>
  );
}

"use client";

import Link from "next/link";
import { useState } from "react";
import { Icon } from "@/components/ui/icons";
import { OwnerBadge } from "@/components/ui/owner-badge";
import { ReportItem } from "./report-item";
import type { AttemptItem, GradedAttempt } from "@/lib/contracts/quiz";

export type ResultItem = Pick<AttemptItem, "id" | "prompt" | "kind" | "options"> &
  Partial<Pick<AttemptItem, "noteTitle">>;

export type ResultRow = GradedAttempt["results"][number] & {
  /** The attempt the result is from: a report on the item names the wording it showed. */
  attemptId: string;
  prompt: string;
  section: string;
  item?: ResultItem;
};

/** Wrong, though the learner said they were sure: the answers most worth a second look. */
export function isConfidentlyWrong(
  row: Pick<ResultRow, "correct" | "confidence" | "choice" | "option">,
): boolean {
  return !row.correct && row.confidence === "sure" && Boolean(row.choice ?? row.option);
}

function optionText(row: ResultRow, key: string | null) {
  if (!key) return null;
  return row.item?.options.find((o) => o.key === key)?.text ?? null;
}

/** What was answered and what was right: owners as badges, statements quoted in full. */
function ResultAnswer({ row }: { row: ResultRow }) {
  if (row.expectedOption) {
    const picked = optionText(row, row.option);
    const right = optionText(row, row.expectedOption);
    return (
      <div className="result-options">
        <p>
          <span className="result-label">You picked:</span> {picked ? <q>{picked}</q> : "nothing"}
        </p>
        {row.correct ? null : (
          <p>
            <span className="result-label">The right statement:</span> <q>{right}</q>
          </p>
        )}
      </div>
    );
  }
  return (
    <p className="result-owners">
      {row.correct ? (
        <>
          You chose <OwnerBadge owner={row.expected} />
        </>
      ) : (
        <>
          You chose {row.choice ? <OwnerBadge owner={row.choice} /> : "nothing"}
          <span aria-hidden="true"> · </span>
          Expected <OwnerBadge owner={row.expected} />
        </>
      )}
    </p>
  );
}

function ResultEntry({ row }: { row: ResultRow }) {
  return (
    <li className={`result ${row.correct ? "result-right" : "result-wrong"}`}>
      <p className="result-head">
        <span className="result-verdict">
          <Icon name={row.correct ? "check" : "cross"} />
          {row.correct ? "Right" : "Wrong"}
        </span>
        {row.confidence ? (
          <span className="result-confidence">
            You said {row.confidence === "sure" ? "sure" : "unsure"}
          </span>
        ) : null}
        {row.section ? <span className="eyebrow">{row.section}</span> : null}
      </p>
      <p className="result-prompt">{row.prompt}</p>
      <ResultAnswer row={row} />
      <p className="result-why">{row.explanation}</p>
      {row.source ? (
        <p className="result-source">
          Source: <a href={row.source.url}>{row.source.title}</a>
        </p>
      ) : null}
      <p className="result-links">
        <Link href={row.lessonHref}>Read this in the lesson</Link>
        {row.related.map((r) => (
          <Link key={r.href} href={r.href}>
            {r.title}
          </Link>
        ))}
      </p>
      <ReportItem itemId={row.itemId} attemptId={row.attemptId} label={row.prompt} />
    </li>
  );
}

/** Wrong though the learner said sure: listed first, in a section of their own. */
export function ConfidentlyWrong({ rows }: { rows: ResultRow[] }) {
  const wrong = rows.filter(isConfidentlyWrong);
  if (wrong.length === 0) return null;
  return (
    <section className="results-confident" aria-labelledby="confidently-wrong-heading">
      <h3 id="confidently-wrong-heading">Confidently wrong ({wrong.length})</h3>
      <p>You were sure of these, and they were wrong: they come back in review soonest.</p>
      <ol className="results" id="confidently-wrong-list">
        {wrong.map((row) => (
          <ResultEntry key={row.itemId} row={row} />
        ))}
      </ol>
    </section>
  );
}

/**
 * The other missed answers (the confidently wrong ones have their own list, above), each with the
 * right owner or statement and why; the right ones one toggle away.
 */
export function ResultsList({ rows }: { rows: ResultRow[] }) {
  const [showRight, setShowRight] = useState(false);
  const confident = rows.filter(isConfidentlyWrong).length;
  const others = rows.filter((r) => !isConfidentlyWrong(r));
  const missed = others.filter((r) => !r.correct);
  const right = others.length - missed.length;
  const shown = showRight ? others : missed;
  return (
    <>
      <h3>
        {missed.length > 0
          ? `${confident > 0 ? "Also missed" : "What you missed"} (${missed.length})`
          : confident > 0
            ? "Nothing else missed"
            : "Nothing missed"}
      </h3>
      {missed.length === 0 && confident === 0 ? <p>Every answer right.</p> : null}
      {right > 0 ? (
        <button
          type="button"
          className="results-toggle"
          aria-pressed={showRight}
          aria-controls="results-list"
          onClick={() => setShowRight(!showRight)}
        >
          <Icon name="check" />
          {showRight
            ? "Hide the right ones"
            : right === 1
              ? "Show the right one too"
              : `Show the ${right} right ones too`}
        </button>
      ) : null}
      <ol className="results" id="results-list">
        {shown.map((row) => (
          <ResultEntry key={row.itemId} row={row} />
        ))}
      </ol>
    </>
  );
}

"use client";

import Link from "next/link";
import { useState } from "react";
import { Icon } from "@/components/ui/icons";
import { OwnerBadge } from "@/components/ui/owner-badge";
import type { GradedAttempt } from "@/lib/contracts/quiz";

export type ResultRow = GradedAttempt["results"][number] & { prompt: string; section: string };

/** The missed answers, each with the right owner and why; the right ones one toggle away. */
export function ResultsList({ rows }: { rows: ResultRow[] }) {
  const [showRight, setShowRight] = useState(false);
  const missed = rows.filter((r) => !r.correct);
  const right = rows.length - missed.length;
  const shown = showRight ? rows : missed;
  return (
    <>
      <h3>{missed.length > 0 ? `What you missed (${missed.length})` : "Nothing missed"}</h3>
      {missed.length === 0 ? <p>Every control in the right place.</p> : null}
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
          <li
            key={row.itemId}
            className={`result ${row.correct ? "result-right" : "result-wrong"}`}
          >
            <p className="result-head">
              <span className="result-verdict">
                <Icon name={row.correct ? "check" : "cross"} />
                {row.correct ? "Right" : "Wrong"}
              </span>
              {row.section ? <span className="eyebrow">{row.section}</span> : null}
            </p>
            <p className="result-prompt">{row.prompt}</p>
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
            <p className="result-why">{row.explanation}</p>
            <Link href={row.lessonHref}>Read this in the lesson</Link>
          </li>
        ))}
      </ol>
    </>
  );
}

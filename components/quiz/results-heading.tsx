"use client";

import { useEffect, useRef } from "react";
import { RESULTS_SCORE_ID, takeResultsArrival } from "./results-arrival";

/**
 * The heading of an attempt's results. Straight after the attempt ends (results-arrival.ts) it
 * takes focus and scrolls to the top of the viewport: the submit button sat at the bottom of a long
 * page, and the page would otherwise open mid-list with the score off screen. Focus makes a screen
 * reader read the heading and, through aria-describedby, the score.
 */
export function ResultsHeading({ attemptId, label }: { attemptId: string; label?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const node = heading.current;
    if (!node || !takeResultsArrival(attemptId)) return;
    // scrollIntoView puts the heading at the top (scroll-margin-top leaves room above it); focus
    // alone would scroll only as far as the heading's bottom edge.
    node.scrollIntoView({ block: "start" });
    node.focus({ preventScroll: true });
  }, [attemptId]);
  return (
    <h2
      id="results-heading"
      ref={heading}
      tabIndex={-1}
      aria-label={label}
      aria-describedby={RESULTS_SCORE_ID}
      className="results-heading"
    >
      Results
    </h2>
  );
}

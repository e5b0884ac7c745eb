import { scorePercent } from "@/lib/quiz/score";
import { RESULTS_SCORE_ID } from "./results-arrival";

/** An attempt's score, in words for everyone and as a bar for the eye. */
export function ScoreCard({ score }: { score: { correct: number; total: number } }) {
  const percent = scorePercent(score);
  return (
    <div className="score-card">
      <p className="score" role="status" id={RESULTS_SCORE_ID}>
        {score.correct} of {score.total} right ({percent}%)
      </p>
      <div className="score-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

import { scorePercent } from "@/lib/quiz/score";

/** An attempt's score, in words for everyone and as a bar for the eye. */
export function ScoreCard({ score }: { score: { correct: number; total: number } }) {
  const percent = scorePercent(score);
  return (
    <div className="score-card">
      <p className="score" role="status">
        {score.correct} of {score.total} right ({percent}%)
      </p>
      <div className="score-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

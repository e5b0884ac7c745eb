import type { ChartSeries } from "@/components/ui/line-chart";
import { scorePercent } from "@/lib/quiz/score";

/**
 * Quiz attempts as one chart series per quiz, named by the quiz's title: a line joins only the scores
 * of one quiz, never one quiz's score to another's.
 */
export function scoreSeries(
  attempts: ReadonlyArray<{
    noteTitle: string | null;
    correct: number;
    total: number;
    submittedAt: string | null;
  }>,
): ChartSeries[] {
  const byQuiz = new Map<string, ChartSeries>();
  for (const a of attempts) {
    if (!a.noteTitle || !a.submittedAt) continue;
    const series = byQuiz.get(a.noteTitle) ?? { name: a.noteTitle, points: [] };
    series.points.push({ date: a.submittedAt, value: scorePercent(a) });
    byQuiz.set(a.noteTitle, series);
  }
  return [...byQuiz.values()].sort((x, y) => x.name.localeCompare(y.name));
}

/** A graded attempt's result: how many of its items were answered right, out of how many. */
export interface Score {
  correct: number;
  total: number;
}

/**
 * A score as a whole percentage, the one rounding every page and every stored figure uses, so that
 * "83%" on the results screen is "83%" on the dashboard and in the CSV. An empty attempt is 0%.
 * Only a perfect score reads 100%: 199 of 200 would round up to it, and mastery treats 100% as perfect.
 */
export function scorePercent({ correct, total }: Score): number {
  if (total <= 0) return 0;
  const percent = Math.round((correct / total) * 100);
  return correct < total ? Math.min(percent, 99) : percent;
}

/** A share between 0 and 1 (a facility, a completion rate) as a whole percentage. */
export function sharePercent(share: number): number {
  return Math.round(share * 100);
}

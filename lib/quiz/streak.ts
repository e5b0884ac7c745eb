const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/**
 * Consecutive days (UTC) with any learning activity, ending today, or yesterday when today has none
 * yet: a streak is not lost before the day is over.
 */
export function currentStreak(activity: Date[], now: Date): number {
  const days = new Set(activity.map(dayNumber));
  let day = dayNumber(now);
  if (!days.has(day)) day -= 1;
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day--;
  }
  return streak;
}

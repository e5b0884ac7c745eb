/**
 * The recall probability reviews are scheduled for (ts-fsrs `request_retention`): FSRS's default,
 * and the bounds a team's instructors may set. Higher means shorter intervals: more reviews. Apart
 * from the scheduler, so that a form can read the bounds without bundling ts-fsrs.
 */
export const DESIRED_RETENTION = { default: 0.9, min: 0.7, max: 0.97 } as const;

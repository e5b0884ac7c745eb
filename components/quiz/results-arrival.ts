/**
 * Whether the results of an attempt are being opened straight after the attempt ended on this tab
 * (submitted, or closed by its time limit): only then do they take focus and scroll to the score.
 * Opened any other way (a link, Back, a reload) they keep the browser's own scroll position, so
 * Back returns to where the learner was.
 */
const KEY = "results-arrival";

/** The id of the score line (ScoreCard) that the results heading is described by. */
export const RESULTS_SCORE_ID = "results-score";

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function sessionStore(): Store | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    // Storage blocked (some privacy settings throw on access): the results simply stay put.
    return null;
  }
}

/** The attempt's results are next on this tab: set just before navigating to them. */
export function markResultsArrival(attemptId: string, store = sessionStore()): void {
  try {
    store?.setItem(KEY, attemptId);
  } catch {
    // A full or blocked store costs only the scroll to the score.
  }
}

/** True once, for the attempt marked: the mark is used up, so a later Back or reload is not one. */
export function takeResultsArrival(attemptId: string, store = sessionStore()): boolean {
  try {
    if (store?.getItem(KEY) !== attemptId) return false;
    store.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}

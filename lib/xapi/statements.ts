/**
 * xAPI 1.0.3 statements for what learners do here: a lesson read, an item answered, a quiz (or a
 * review or practice test) completed, a note mastered. Pure builders: the caller gives the statement
 * its id (a UUID made when it is queued) and the moment it happened.
 *
 * The actor is an account on this server (homePage = NEXTAUTH_URL, name = the user's id), never an
 * email address: the LRS learns what a learner did, not who they are, and an erased account's
 * statements point at an id that no longer names anyone.
 */

export const VERBS = {
  experienced: "http://adlnet.gov/expapi/verbs/experienced",
  answered: "http://adlnet.gov/expapi/verbs/answered",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  mastered: "http://adlnet.gov/expapi/verbs/mastered",
} as const;

const ACTIVITY_TYPES = {
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
} as const;

type LanguageMap = Record<string, string>;

export interface XapiAgent {
  objectType: "Agent";
  account: { homePage: string; name: string };
}

export interface XapiActivity {
  objectType: "Activity";
  id: string;
  definition: {
    type: string;
    name?: LanguageMap;
    interactionType?: "choice";
    correctResponsesPattern?: string[];
  };
}

export interface XapiResult {
  success?: boolean;
  completion?: boolean;
  response?: string;
  score?: { scaled: number; raw: number; min: number; max: number };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: XapiResult;
  context?: { platform: string; language: string; contextActivities?: { parent: XapiActivity[] } };
  timestamp: string;
}

/** Who did it, and where the statements come from. */
export interface StatementSource {
  /** NEXTAUTH_URL: the server whose accounts the actors are, and the base of every activity id. */
  homePage: string;
  userId: string;
}

export type AttemptKind = "QUIZ" | "REVIEW" | "PRACTICE";

const PLATFORM = "Cloud Responsibility";

function base(homePage: string): string {
  return homePage.replace(/\/+$/, "");
}

function statement(
  source: StatementSource,
  id: string,
  verb: keyof typeof VERBS,
  object: XapiActivity,
  at: Date,
  extra: { result?: XapiResult; parent?: XapiActivity } = {},
): XapiStatement {
  return {
    id,
    actor: {
      objectType: "Agent",
      account: { homePage: base(source.homePage), name: source.userId },
    },
    verb: { id: VERBS[verb], display: { "en-US": verb } },
    object,
    ...(extra.result ? { result: extra.result } : {}),
    context: {
      platform: PLATFORM,
      language: "en-US",
      ...(extra.parent ? { contextActivities: { parent: [extra.parent] } } : {}),
    },
    timestamp: at.toISOString(),
  };
}

/** The lesson's page, as an activity. */
export function lessonActivity(homePage: string, noteSlug: string, title?: string): XapiActivity {
  return {
    objectType: "Activity",
    id: `${base(homePage)}/lessons/${encodeURIComponent(noteSlug)}`,
    definition: {
      type: ACTIVITY_TYPES.lesson,
      ...(title ? { name: { "en-US": title } } : {}),
    },
  };
}

/** A quiz is on one lesson; a review and a practice test mix lessons, so each is one activity. */
export function attemptActivity(
  homePage: string,
  kind: AttemptKind,
  noteSlug: string | null,
): XapiActivity {
  const root = base(homePage);
  const [id, name] =
    kind === "QUIZ" && noteSlug
      ? [`${root}/quiz/${encodeURIComponent(noteSlug)}`, `Quiz: ${noteSlug}`]
      : kind === "PRACTICE"
        ? [`${root}/practice`, "Practice test"]
        : [`${root}/review`, "Spaced review"];
  return {
    objectType: "Activity",
    id,
    definition: { type: ACTIVITY_TYPES.assessment, name: { "en-US": name } },
  };
}

export function lessonReadStatement(
  source: StatementSource,
  id: string,
  lesson: { slug: string; title: string },
  at: Date,
): XapiStatement {
  return statement(
    source,
    id,
    "experienced",
    lessonActivity(source.homePage, lesson.slug, lesson.title),
    at,
  );
}

export interface AnsweredItem {
  itemId: string;
  prompt: string;
  /** What the learner gave: an owner (AWS, CUSTOMER, SHARED) or an option's key; null unanswered. */
  response: string | null;
  /** The right response, in the same terms. */
  expected: string;
  correct: boolean;
}

/** An item as a cmi.interaction: a choice whose correct response is the owner or the option. */
export function itemAnsweredStatement(
  source: StatementSource,
  id: string,
  item: AnsweredItem,
  attempt: { kind: AttemptKind; noteSlug: string | null },
  at: Date,
): XapiStatement {
  const object: XapiActivity = {
    objectType: "Activity",
    id: `${base(source.homePage)}/items/${encodeURIComponent(item.itemId)}`,
    definition: {
      type: ACTIVITY_TYPES.interaction,
      name: { "en-US": item.prompt },
      interactionType: "choice",
      correctResponsesPattern: [item.expected],
    },
  };
  return statement(source, id, "answered", object, at, {
    result: { success: item.correct, response: item.response ?? "" },
    parent: attemptActivity(source.homePage, attempt.kind, attempt.noteSlug),
  });
}

export function attemptCompletedStatement(
  source: StatementSource,
  id: string,
  attempt: { kind: AttemptKind; noteSlug: string | null },
  score: { correct: number; total: number },
  at: Date,
): XapiStatement {
  const scaled = score.total > 0 ? score.correct / score.total : 0;
  return statement(
    source,
    id,
    "completed",
    attemptActivity(source.homePage, attempt.kind, attempt.noteSlug),
    at,
    {
      result: {
        completion: true,
        success: score.total > 0 && score.correct === score.total,
        score: { scaled, raw: score.correct, min: 0, max: score.total },
      },
    },
  );
}

export function noteMasteredStatement(
  source: StatementSource,
  id: string,
  noteSlug: string,
  at: Date,
): XapiStatement {
  return statement(source, id, "mastered", lessonActivity(source.homePage, noteSlug), at);
}

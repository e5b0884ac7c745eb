"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/contracts/action-state";
import { practiceInputFromForm, practiceInputFromSettings } from "@/lib/practice/practice-form";
import {
  practiceTestSchema,
  retakePracticeSchema,
  type PracticeTestInput,
} from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { formFields, formValues, parseForm, runAction } from "@/server/http/action";
import { currentRequestAddress } from "@/server/http/client-address";
import { HttpError } from "@/server/http/errors";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { getAttempt } from "@/server/quiz/get-attempt";
import { startPracticeTest } from "@/server/quiz/start-practice";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : null);

/** Counts the start against the quiz-start limit, starts the test, and opens it. */
async function start(userId: string, input: PracticeTestInput): Promise<never> {
  const db = getDb();
  await enforceRateLimit(db, LIMITS.quizStart, { userId, address: await currentRequestAddress() });
  const { attemptId } = await startPracticeTest(db, userId, input);
  redirect(`/practice/${attemptId}`);
}

/** The practice form's "Start practice test": a POST, so that opening /practice starts nothing. */
export async function startPracticeAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const fields = formFields(form, "allNotes", "size", "timeLimit", "timeLimitOther");
    const input = parseForm(
      practiceTestSchema,
      practiceInputFromForm({
        allNotes: text(fields.allNotes),
        notes: formValues(form, "notes"),
        kinds: formValues(form, "kinds"),
        size: text(fields.size),
        timeLimit: text(fields.timeLimit),
        timeLimitOther: text(fields.timeLimitOther),
      }),
    );
    return start(user.id, input);
  });
}

/**
 * "Retake with the same settings": a new practice test with the settings of one of the learner's
 * own (getAttempt says "not found" for anyone else's). The draw prefers questions not had before.
 */
export async function retakePracticeAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { attemptId } = parseForm(retakePracticeSchema, formFields(form, "attemptId"));
    const attempt = await getAttempt(getDb(), user.id, attemptId);
    if (attempt.kind !== "practice" || !attempt.practice)
      throw new HttpError(404, "not_found", "Practice test not found.");
    const input = parseForm(practiceTestSchema, practiceInputFromSettings(attempt.practice));
    return start(user.id, input);
  });
}

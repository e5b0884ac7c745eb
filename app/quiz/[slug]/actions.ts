"use server";

import { redirect, RedirectType } from "next/navigation";
import type { ActionState } from "@/lib/contracts/action-state";
import { quizHref } from "@/lib/content/slug";
import { startQuizSchema } from "@/lib/validation/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { formFields, parseForm, runAction } from "@/server/http/action";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { resumeOrStartQuizAttempt } from "@/server/quiz/start-attempt";

/**
 * "Start quiz" and "Try again": a POST, so that opening or prefetching the quiz page never creates an
 * attempt. The quiz page then shows the open attempt's board; replacing the history entry keeps the
 * intro or the old results out of Back.
 */
export async function startQuizAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { slug } = parseForm(startQuizSchema, formFields(form, "slug"));
    const db = getDb();
    await enforceRateLimit(db, LIMITS.quizStart, {
      userId: user.id,
      address: await currentRequestAddress(),
    });
    await resumeOrStartQuizAttempt(db, user.id, slug);
    redirect(quizHref(slug), RedirectType.replace);
  });
}

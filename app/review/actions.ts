"use server";

import { redirect, RedirectType } from "next/navigation";
import type { ActionState } from "@/lib/contracts/action-state";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { runAction } from "@/server/http/action";
import { startReview } from "@/server/quiz/start-review";

/** "Start review": a POST, so that opening the review page never creates a review session. */
export async function startReviewAction(): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const review = await startReview(getDb(), user.id);
    if (!review) return "Nothing is due any more.";
    redirect("/review", RedirectType.replace);
  });
}

import type { ReviewStart } from "@/lib/contracts/quiz";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";
import { startReview } from "@/server/quiz/start-review";

/** Starts (or resumes) a review of the items due now: 201 with the attempt, or 200 with null when none are due. */
export const POST = route(async () => {
  const user = await requireUser();
  const review = await startReview(getDb(), user.id);
  const body: ReviewStart = review ?? { attemptId: null };
  return Response.json(body, { status: review ? 201 : 200 });
});

import { signUpSchema } from "@/lib/validation/auth";
import { signUp } from "@/server/auth/sign-up";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";
import { readJson, route } from "@/server/http/route";

export const POST = route(async (request) => {
  const input = await readJson(request, signUpSchema);
  const db = getDb();
  await enforceRateLimit(db, LIMITS.signUp, {
    address: await currentRequestAddress(),
  });
  return Response.json(await signUp(db, input), { status: 201 });
});

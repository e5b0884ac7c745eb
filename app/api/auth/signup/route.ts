import { signUpSchema } from "@/lib/validation/auth";
import { signUp } from "@/server/auth/sign-up";
import { getDb } from "@/server/db/client";
import { readJson, route } from "@/server/http/route";

export const POST = route(async (request) => {
  const input = await readJson(request, signUpSchema);
  return Response.json(await signUp(getDb(), input), { status: 201 });
});

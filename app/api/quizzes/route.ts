import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";
import { listQuizzes } from "@/server/quiz/list-quizzes";

export const GET = route(async () => Response.json(await listQuizzes(getDb())));

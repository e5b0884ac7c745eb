import { getDb } from "@/server/db/client";
import { databaseKind } from "@/server/env";
import { errorResponse } from "@/server/http/route";
import { HttpError } from "@/server/http/errors";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = databaseKind();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database });
  } catch {
    return errorResponse(
      new HttpError(503, "database_unavailable", `The ${database} database is unreachable.`),
    );
  }
}

import { exportMyData } from "@/server/account/export-my-data";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { route } from "@/server/http/route";

export const GET = route(async () => {
  const user = await requireUser();
  const data = await exportMyData(getDb(), user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="my-learning-data.json"',
      "cache-control": "no-store",
    },
  });
});

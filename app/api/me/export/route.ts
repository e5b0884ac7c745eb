import { exportMyData } from "@/server/account/export-my-data";
import { recordExport } from "@/server/audit/record-export";
import { requireUser } from "@/server/auth/require-user";
import { requestTime } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { route } from "@/server/http/route";

export const GET = route(async () => {
  const user = await requireUser();
  const db = getDb();
  const data = await exportMyData(db, user.id, await requestTime());
  await recordExport(
    db,
    user.id,
    "my-data.json",
    { type: "user", id: user.id },
    await currentRequestAddress(),
  );
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": 'attachment; filename="my-learning-data.json"',
      "cache-control": "no-store",
    },
  });
});

import type { Metadata } from "next";
import { ReportedItems } from "@/components/reports/reported-items";
import { requirePageRole } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { listLessons } from "@/server/progress/get-progress";
import { listAllReports } from "@/server/reports/list-reports";

export const metadata: Metadata = { title: "Item reports" };

export default async function AdminReportsPage() {
  const user = await requirePageRole("/admin/reports", "ADMIN");
  const db = getDb();
  const [reports, lessons] = await Promise.all([listAllReports(db, user), listLessons(db)]);
  return (
    <div>
      <h1>Item reports</h1>
      <p>
        Every report learners sent about an item, whatever their team: open ones first. The
        instructors of the reporter&apos;s teams see the same reports on their dashboards.
      </p>
      <ReportedItems reports={reports} titles={new Map(lessons.map((l) => [l.slug, l.title]))} />
    </div>
  );
}

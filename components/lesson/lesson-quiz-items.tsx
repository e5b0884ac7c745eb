"use client";

import { useState } from "react";
import { useSessionUser } from "@/components/layout/use-session-user";
import { DataTable } from "@/components/ui/data-table";
import { OwnerSource } from "@/components/lesson/owner-source";
import { OwnerBadge } from "@/components/ui/owner-badge";
import type { NoteItemsReport } from "@/lib/contracts/lessons";

/**
 * "Quiz items in this note", for instructors and admins: every item the quiz asks, its owner and the
 * heading the owner came from, so that whoever teaches can check the lesson before assigning it. The
 * lesson is a static page, so the table is fetched when opened; the route checks the role itself.
 */
export function LessonQuizItems({ slug, count }: { slug: string; count: number }) {
  const session = useSessionUser();
  const [report, setReport] = useState<NoteItemsReport | "error" | null>(null);
  if (session.status !== "signed-in" || session.user.role === "LEARNER" || count === 0) return null;

  const load = () => {
    if (report !== null) return;
    fetch(`/api/lessons/${encodeURIComponent(slug)}/items`, { cache: "no-store" })
      .then(async (response): Promise<NoteItemsReport | "error"> =>
        response.ok ? ((await response.json()) as NoteItemsReport) : "error",
      )
      .then(setReport, () => setReport("error"));
  };

  return (
    <details className="quiz-items" onToggle={(event) => event.currentTarget.open && load()}>
      <summary>Quiz items in this note ({count})</summary>
      {report === null ? <p role="status">Loading…</p> : null}
      {report === "error" ? <p role="alert">The quiz items could not be loaded.</p> : null}
      {report && report !== "error" ? (
        <>
          <p className="quiz-items-file">
            From <code>{report.file}</code>. Check each owner against the heading it came from.
          </p>
          <DataTable
            columns={["Item", "Owner", "Owner from"]}
            layout="cards"
            label="Quiz items in this note"
          >
            {report.items.map((item) => (
              <tr key={`${item.serviceModel ?? ""}:${item.prompt}`}>
                <td data-label="Item">
                  {item.serviceModel ? `${item.serviceModel}: ` : null}
                  {item.prompt} <span className="quiz-items-line">line {item.line}</span>
                </td>
                <td data-label="Owner">
                  <OwnerBadge owner={item.owner} />
                </td>
                <td data-label="Owner from">
                  <OwnerSource source={item.source} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </details>
  );
}

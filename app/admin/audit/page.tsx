import type { Metadata } from "next";
import { AuditEntries } from "@/components/admin/audit-entries";
import { AuditFilters } from "@/components/admin/audit-filters";
import { auditFilterSchema } from "@/lib/validation/audit";
import { AUDIT_CSV_CAP } from "@/server/audit/export-audit-csv";
import { listAudit, listAuditActors, namePeople } from "@/server/audit/list-audit";
import { requirePageRole } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { fieldErrors } from "@/server/http/errors";

export const metadata: Metadata = { title: "Audit trail" };

/** Rows the page shows: a screenful to read, where the CSV (and the API) hold more. */
const PAGE_CAP = 100;

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const raw = await searchParams;
  const input = {
    action: first(raw.action),
    actor: first(raw.actor),
    from: first(raw.from),
    to: first(raw.to),
  };
  const query = new URLSearchParams(
    Object.entries(input).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  await requirePageRole(`/admin/audit${query ? `?${query}` : ""}`, "ADMIN");
  const db = getDb();
  const filter = auditFilterSchema.safeParse(input);
  const [entries, actors] = await Promise.all([
    filter.success ? listAudit(db, filter.data, PAGE_CAP) : Promise.resolve([]),
    listAuditActors(db),
  ]);
  const names = await namePeople(db, [
    ...entries.map((e) => e.actorId),
    ...entries.map((e) => (e.targetType === "user" ? e.targetId : null)),
    ...entries.map((e) => (typeof e.details.userId === "string" ? e.details.userId : null)),
  ]);
  const filtered = Object.values(input).some(Boolean);
  return (
    <div>
      <h1>Audit trail</h1>
      <p>
        Who changed roles, teams, passwords and accounts, who exported data, and which sign-ins were
        locked out. Entries are never changed or deleted. The newest {PAGE_CAP} matching show here;
        the CSV holds up to {AUDIT_CSV_CAP.toLocaleString("en-GB")}, and the dates narrow either.
      </p>
      <AuditFilters
        values={input}
        actors={actors}
        errors={filter.success ? undefined : fieldErrors(filter.error)}
      />
      {filter.success ? (
        <>
          <p>
            <a href={`/api/admin/audit.csv${query ? `?${query}` : ""}`} download>
              Download CSV{filtered ? " of these entries" : ""}
            </a>
          </p>
          {entries.length === 0 ? (
            <p role="status">
              {filtered ? "No entries match these filters." : "Nothing has been recorded yet."}
            </p>
          ) : (
            <AuditEntries entries={entries} names={names} />
          )}
        </>
      ) : null}
    </div>
  );
}

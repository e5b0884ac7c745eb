import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEntryRecord } from "@/lib/contracts/audit";

/** A person as the table shows them: their name, with the id an investigation searches by. */
function Person({ id, names }: { id: string; names: Map<string, string> }) {
  const name = names.get(id);
  return (
    <>
      {name ?? "Deleted or unknown user"} <code className="audit-id">{id}</code>
    </>
  );
}

/** The details in a line: a role change as "LEARNER → ADMIN", anything else as "key: value". */
export function summariseDetails(
  entry: AuditEntryRecord,
  names: Map<string, string>,
): string | null {
  const { details } = entry;
  if (entry.action === "role.change") return `${String(details.from)} → ${String(details.to)}`;
  const parts = Object.entries(details).map(([key, value]) => {
    if (key === "userId" && typeof value === "string")
      return `member: ${names.get(value) ?? "unknown"} (${value})`;
    if (key === "lockedUntil" && typeof value === "string")
      return `locked until ${value.replace("T", " ").slice(0, 16)} UTC`;
    return `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
  });
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** The trail as a table on a wide screen and as cards on a phone (no sideways scroll). */
export function AuditEntries({
  entries,
  names,
}: {
  entries: AuditEntryRecord[];
  names: Map<string, string>;
}) {
  return (
    <DataTable
      columns={["When", "Who", "What", "On what", "From address", "Details"]}
      layout="cards"
      label="Audit entries"
      className="audit-table"
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <th scope="row">
            <LocalTime iso={entry.at} />
          </th>
          <td data-label="Who">
            {entry.actorId ? <Person id={entry.actorId} names={names} /> : "System"}
          </td>
          <td data-label="What">
            <code>{entry.action}</code>
          </td>
          <td data-label="On what">
            {entry.targetType}{" "}
            {entry.targetId === null ? null : entry.targetType === "user" ? (
              <Person id={entry.targetId} names={names} />
            ) : (
              <code className="audit-id">{entry.targetId}</code>
            )}
          </td>
          <td data-label="From address">{entry.address ?? "—"}</td>
          <td data-label="Details">{summariseDetails(entry, names) ?? "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}

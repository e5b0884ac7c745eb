import type { ReactNode } from "react";

/**
 * A table of records with a header cell per column. On a narrow screen it scrolls sideways, or, with
 * `layout="cards"`, shows each row as a card; give each `<td>` a `data-label` naming its column then.
 */
export function DataTable({
  columns,
  children,
  layout = "scroll",
  label,
  className,
}: {
  columns: string[];
  children: ReactNode;
  layout?: "scroll" | "cards";
  /** What the table holds: its name, also read out when its scroll box takes focus. */
  label?: string;
  /** Extra classes for the table, such as the dashboard's "mastery-grid". */
  className?: string;
}) {
  const table = (
    <table className={["data-table", className].filter(Boolean).join(" ")} aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  if (layout === "cards") return <div className="table-cards">{table}</div>;
  // A box that may scroll must take focus, so that keyboard users can scroll it too (WCAG 2.1.1).
  return (
    <div
      className="table-scroll"
      role="group"
      aria-label={label ?? `Table: ${columns.join(", ")}`}
      tabIndex={0}
    >
      {table}
    </div>
  );
}

import type { ReactNode } from "react";

/**
 * A table of records with a header cell per column. On a narrow screen it scrolls sideways, or, with
 * `layout="cards"`, shows each row as a card; give each `<td>` a `data-label` naming its column then.
 */
export function DataTable({
  columns,
  children,
  layout = "scroll",
}: {
  columns: string[];
  children: ReactNode;
  layout?: "scroll" | "cards";
}) {
  return (
    <div className={layout === "cards" ? "table-cards" : "table-scroll"}>
      <table className="data-table">
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
    </div>
  );
}

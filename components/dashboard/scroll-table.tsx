import type { ReactNode } from "react";

/**
 * A table of records that scrolls sideways on a narrow screen, in a frame that takes keyboard focus
 * so that it can be scrolled without a mouse (axe: scrollable-region-focusable). Named by `label`.
 */
export function ScrollTable({
  label,
  columns,
  children,
  className,
}: {
  label: string;
  columns: string[];
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
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
    </div>
  );
}

import Link from "next/link";
import { OwnerBadge } from "@/components/ui/owner-badge";
import type { MatrixView } from "@/lib/content/matrix-view";
import { RevealToggle, StudyText } from "./study-mode";

/**
 * Every matrix a lesson shows: the service-model matrix (a layer per row, a model per column) and
 * service matrices (a control per row, a service per column). Each owned cell is an owner badge,
 * icon and word; in study mode it reads "Hidden" until the learner hovers the row, lands on it from
 * a quiz explanation, or reveals the table. A cell that is not asked shows a dash.
 *
 * On a phone the table scrolls inside its own focusable region, with the row names pinned, so the
 * page itself never scrolls sideways.
 */
export function MatrixTable({ view, section }: { view: MatrixView; section?: string }) {
  const wide = view.columns.length > 3;
  return (
    <div className={`owner-matrix${wide ? " owner-matrix-wide" : ""}`} data-reveal-by={section}>
      {wide ? (
        <p className="matrix-hint">
          {view.columns.length} {view.rowHeader === "Control" ? "services" : "columns"}: the table
          scrolls sideways, and the first column stays in view.
        </p>
      ) : null}
      {/* Focusable, so that keyboard users can scroll it should a narrow screen need to. */}
      <div className="matrix-scroll" role="region" aria-label={view.caption} tabIndex={0}>
        <table className="matrix">
          <caption>{view.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{view.rowHeader}</th>
              {view.columns.map((column) => (
                <th scope="col" key={column.note ?? column.label}>
                  <ColumnLabel {...column} />
                  {column.examples ? (
                    <span className="matrix-examples">
                      <span className="visually-hidden">, for example </span>
                      {column.examples}
                    </span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.label} id={row.anchor}>
                <th scope="row">{row.label}</th>
                {row.cells.map((owner, i) => (
                  <td key={view.columns[i]?.note ?? view.columns[i]?.label ?? i}>
                    {owner ? (
                      <StudyText
                        real={<OwnerBadge owner={owner} />}
                        neutral={<span className="owner-hidden">Hidden</span>}
                      />
                    ) : (
                      <span className="matrix-empty">
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">not given</span>
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RevealToggle
        section={section}
        label={
          view.rowHeader === "Layer" ? "Show who runs each layer" : "Show who owns each control"
        }
      />
    </div>
  );
}

/** A service's column links to its lesson; an alias ("EC2") keeps the note's name as its title. */
function ColumnLabel({ label, href, note, unwritten }: MatrixView["columns"][number]) {
  if (unwritten) {
    return (
      <span className="unwritten" title={`"${note ?? label}" is not written yet`}>
        {label}
        <span className="visually-hidden"> (not written yet)</span>
      </span>
    );
  }
  if (!href) return label;
  return (
    <Link href={href} title={note}>
      {label}
    </Link>
  );
}

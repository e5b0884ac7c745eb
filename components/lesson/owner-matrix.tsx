import { OwnerBadge } from "@/components/ui/owner-badge";
import type { ServiceMatrixColumn } from "@/lib/content/service-layers";
import type { Owner } from "@/lib/content/types";
import { RevealToggle, StudyText } from "./study-mode";

/**
 * Who runs each layer, a column per service model. Each cell is an owner badge (icon and text); in
 * study mode it reads "Hidden" until the learner hovers the row or reveals the section. A row with
 * an anchor is where a service item's "Read this in the lesson" link lands.
 */
export function OwnerMatrix({
  columns,
  rows,
  section,
}: {
  columns: ServiceMatrixColumn[];
  rows: Array<{ layer: string; anchor?: string; owners: Owner[] }>;
  section?: string;
}) {
  return (
    <div className="owner-matrix" data-reveal-by={section}>
      {/* Focusable, so that keyboard users can scroll it should a narrow screen need to. */}
      <div className="matrix-scroll" role="region" aria-label="Service model matrix" tabIndex={0}>
        <table className="matrix">
          <caption>Who runs each layer, by service model</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              {columns.map((column) => (
                <th scope="col" key={column.model}>
                  {column.model}
                  <span className="matrix-examples">
                    <span className="visually-hidden">, for example </span>
                    {column.examples}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.layer} id={row.anchor}>
                <th scope="row">{row.layer}</th>
                {row.owners.map((owner, i) => (
                  <td key={columns[i]?.model ?? i}>
                    <StudyText
                      real={<OwnerBadge owner={owner} />}
                      neutral={<span className="owner-hidden">Hidden</span>}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RevealToggle section={section} label="Show who runs each layer" />
    </div>
  );
}

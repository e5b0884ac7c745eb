import { Icon } from "@/components/ui/icons";
import { OwnerBadge } from "@/components/ui/owner-badge";
import type { GradedResult } from "@/lib/quiz/grade";
import { groupItems, matrixLayout, matrixRowNoun, type SessionItem } from "./quiz-answers";

/**
 * Each graded matrix as the grid it was answered in: every cell marked right or wrong by an icon
 * and a word (never by colour alone), with the owner chosen and, when wrong, the right one.
 */
export function ResultsMatrices({
  items,
  results,
}: {
  items: SessionItem[];
  results: GradedResult[];
}) {
  const byItem = new Map(results.map((r) => [r.itemId, r]));
  const matrices = groupItems(items).filter((g) => g.kind === "matrix");
  return (
    <>
      {matrices.map((group) => {
        const layout = matrixLayout(group.items);
        const right = group.items.filter((i) => byItem.get(i.id)?.correct).length;
        return (
          <div key={group.key} className="results-matrix">
            <h3>
              {layout.title}: {right} of {group.items.length} right
            </h3>
            {/* Focusable so that a keyboard can scroll a grid wider than the screen. */}
            <div
              className="quiz-matrix-scroll"
              role="region"
              aria-label={`${layout.title}, graded`}
              tabIndex={0}
            >
              <table className="quiz-matrix-grid results-matrix-grid">
                <thead>
                  <tr>
                    <th scope="col" className="quiz-matrix-corner">
                      <span className="visually-hidden">
                        {matrixRowNoun(group.items) === "layer" ? "Layer" : "Control"}
                      </span>
                    </th>
                    {layout.columns.map((c) => (
                      <th key={c.index} scope="col">
                        {c.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {layout.rows.map((row) => (
                    <tr key={row.index}>
                      <th scope="row">{row.title}</th>
                      {layout.columns.map((column) => {
                        const item = layout.cell(row.index, column.index);
                        const result = item ? byItem.get(item.id) : undefined;
                        if (!result) return <td key={column.index} />;
                        return (
                          <td
                            key={column.index}
                            className={result.correct ? "result-right" : "result-wrong"}
                          >
                            <span className="result-verdict">
                              <Icon name={result.correct ? "check" : "cross"} />
                              {result.correct ? "Right" : "Wrong"}
                            </span>
                            <span className="results-matrix-owners">
                              {result.choice ? (
                                <OwnerBadge owner={result.choice} />
                              ) : (
                                <span className="owner-hidden">Not answered</span>
                              )}
                              {result.correct ? null : (
                                <span>
                                  expected <OwnerBadge owner={result.expected} />
                                </span>
                              )}
                            </span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </>
  );
}

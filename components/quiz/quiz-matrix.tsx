"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Icon } from "@/components/ui/icons";
import { OWNER_ICONS, OWNER_LABELS, OwnerBadge } from "@/components/ui/owner-badge";
import { OWNERS, type Owner } from "@/lib/content/types";
import type { Confidence } from "@/lib/contracts/quiz";
import { ConfidenceToggle } from "./confidence-toggle";
import { matrixLayout, matrixRowNoun, type Answers, type SessionItem } from "./quiz-answers";
import { PLACE_KEYS } from "./quiz-card";
import { StepNav } from "./step-nav";

interface MatrixProps {
  items: SessionItem[];
  answers: Answers;
  onAnswer: (item: SessionItem, choice: Owner | null) => void;
  confidence: Confidence | null;
  onConfidence: (value: Confidence | null) => void;
  /** A phone: one service (column) at a time, with large owner buttons per row. */
  narrow: boolean;
}

type Layout = ReturnType<typeof matrixLayout>;

function cellName(item: SessionItem, owner: Owner | null) {
  return `${item.matrix?.row} on ${item.matrix?.column}: ${owner ? OWNER_LABELS[owner] : "not answered"}`;
}

/**
 * A service matrix: one question per cell, who owns this control (row) for this service (column).
 * The wide view is a grid and the narrow one a column at a time; both answer the same items.
 */
export function QuizMatrix(props: MatrixProps) {
  const layout = matrixLayout(props.items);
  const headingId = `matrix-${props.items[0]?.matrix?.id.replace(/\W+/g, "-")}`;
  const answered = props.items.filter((i) => props.answers[i.id]?.choice).length;
  return (
    <section className="quiz-group quiz-matrix" aria-labelledby={headingId}>
      {props.items[0]?.noteTitle ? <p className="eyebrow">{props.items[0].noteTitle}</p> : null}
      <h2 id={headingId}>{layout.title}</h2>
      <p className="quiz-group-intro">
        Who owns each {matrixRowNoun(props.items)} in each service? {answered} of{" "}
        {props.items.length} cells answered.
      </p>
      {props.narrow ? (
        <MatrixByColumn {...props} layout={layout} />
      ) : (
        <MatrixGrid {...props} layout={layout} headingId={headingId} />
      )}
      <ConfidenceToggle
        value={props.confidence}
        label={layout.title}
        onChange={props.onConfidence}
      />
    </section>
  );
}

/*
 * Why role="grid" on a table rather than a table of radio groups: 21 (or, for the 12 × 9 lesson,
 * 108) radio groups would be as many tab stops, and arrow keys inside a radio group change its
 * answer, so they could not also move between cells. A grid is one tab stop; arrow keys move
 * between cells (roving tabindex), and screen readers (NVDA, JAWS, VoiceOver) switch to focus
 * mode in it and announce the row and column headers as the focus crosses them, as in a
 * spreadsheet. Each cell's own name also says the row, the column and the answer, for readers
 * that skip the headers. Digits set the owner; the small buttons in each cell are for a pointer or
 * a finger and stay out of the tab order.
 */
function MatrixGrid({
  items,
  answers,
  onAnswer,
  layout,
  headingId,
}: MatrixProps & { layout: Layout; headingId: string }) {
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const cellRefs = useRef(new Map<string, HTMLTableCellElement>());
  const focusPending = useRef(false);
  const helpId = `${headingId}-keys`;

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    cellRefs.current.get(`${active[0]}:${active[1]}`)?.focus();
  });

  const itemAt = (r: number, c: number) => {
    const row = layout.rows[r];
    const column = layout.columns[c];
    return row && column ? layout.cell(row.index, column.index) : undefined;
  };

  /**
   * The next cell with a question in a direction. Across a row, holes (cells not asked) are
   * skipped. Up or down, the move goes to the next row that asks anything, to its asked cell
   * nearest the current column: skipping holes down a column could jump over a whole row.
   */
  function step([r, c]: [number, number], dr: number, dc: number): [number, number] {
    if (dr === 0) {
      for (let nc = c + dc; nc >= 0 && nc < layout.columns.length; nc += dc)
        if (itemAt(r, nc)) return [r, nc];
      return [r, c];
    }
    for (let nr = r + dr; nr >= 0 && nr < layout.rows.length; nr += dr) {
      const asked = layout.columns.map((_, nc) => nc).filter((nc) => itemAt(nr, nc));
      if (asked.length === 0) continue;
      const nearest = asked.reduce((best, nc) =>
        Math.abs(nc - c) < Math.abs(best - c) ? nc : best,
      );
      return [nr, nearest];
    }
    return [r, c];
  }

  function moveTo(cell: [number, number]) {
    focusPending.current = true;
    setActive(cell);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const [r, c] = active;
    const moves: Record<string, () => [number, number]> = {
      ArrowUp: () => step(active, -1, 0),
      ArrowDown: () => step(active, 1, 0),
      ArrowLeft: () => step(active, 0, -1),
      ArrowRight: () => step(active, 0, 1),
      Home: () => (itemAt(r, 0) ? [r, 0] : step([r, -1], 0, 1)),
      End: () =>
        itemAt(r, layout.columns.length - 1)
          ? [r, layout.columns.length - 1]
          : step([r, layout.columns.length], 0, -1),
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]());
      return;
    }
    if (event.key in PLACE_KEYS) {
      const item = itemAt(r, c);
      if (!item) return;
      event.preventDefault();
      onAnswer(item, PLACE_KEYS[event.key]);
    }
  }

  return (
    <>
      {/* The cell buttons are icons, to fit a dozen services: the legend says which is which,
          before any is pressed, and each button's tooltip says it again. */}
      <p className="quiz-matrix-legend">
        <span>The buttons in each cell:</span>
        {OWNERS.map((o) => (
          <span key={o} className={`quiz-matrix-legend-owner owner-${o.toLowerCase()}`}>
            <Icon name={OWNER_ICONS[o]} /> {OWNER_LABELS[o]}
          </span>
        ))}
      </p>
      <div className="quiz-matrix-scroll">
        <table
          role="grid"
          className="quiz-matrix-grid"
          aria-labelledby={headingId}
          aria-describedby={helpId}
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              <th scope="col" className="quiz-matrix-corner">
                <span className="visually-hidden">
                  {matrixRowNoun(items) === "layer" ? "Layer" : "Control"}
                </span>
              </th>
              {layout.columns.map((column) => (
                <th key={column.index} scope="col">
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((row, r) => (
              <tr key={row.index}>
                <th scope="row">{row.title}</th>
                {layout.columns.map((column, c) => {
                  const item = layout.cell(row.index, column.index);
                  if (!item)
                    return (
                      <td key={column.index} className="quiz-matrix-hole">
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">Not asked</span>
                      </td>
                    );
                  const owner = answers[item.id]?.choice ?? null;
                  const isActive = active[0] === r && active[1] === c;
                  return (
                    <td
                      key={column.index}
                      role="gridcell"
                      ref={(node) => {
                        if (node) cellRefs.current.set(`${r}:${c}`, node);
                        else cellRefs.current.delete(`${r}:${c}`);
                      }}
                      tabIndex={isActive ? 0 : -1}
                      aria-label={cellName(item, owner)}
                      className="quiz-matrix-cell"
                      data-owner={owner ?? undefined}
                      onFocus={() => {
                        if (!isActive) setActive([r, c]);
                      }}
                    >
                      <span className="quiz-matrix-answer">
                        {owner ? (
                          <OwnerBadge owner={owner} />
                        ) : (
                          <span className="owner-hidden">Not answered</span>
                        )}
                      </span>
                      <span className="quiz-matrix-buttons">
                        {OWNERS.map((o) => (
                          <button
                            key={o}
                            type="button"
                            tabIndex={-1}
                            className={`quiz-matrix-button owner-${o.toLowerCase()}`}
                            aria-pressed={owner === o}
                            title={`${OWNER_LABELS[o]}: ${row.title} on ${column.title}`}
                            onClick={() => {
                              setActive([r, c]);
                              onAnswer(item, owner === o ? null : o);
                            }}
                          >
                            <Icon name={OWNER_ICONS[o]} />
                            <span className="visually-hidden">{OWNER_LABELS[o]}</span>
                          </button>
                        ))}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={helpId} className="quiz-keys-hint">
        Arrow keys move between cells; <kbd>1</kbd> AWS, <kbd>2</kbd> Customer, <kbd>3</kbd> Shared,{" "}
        <kbd>0</kbd> clears.
      </p>
    </>
  );
}

/** The phone's matrix: one service at a time, each layer with three large owner buttons. */
function MatrixByColumn({ answers, onAnswer, layout }: MatrixProps & { layout: Layout }) {
  const [at, setAt] = useState(0);
  const column = layout.columns[Math.min(at, layout.columns.length - 1)];
  if (!column) return null;
  return (
    <div className="quiz-matrix-column">
      <StepNav at={at} count={layout.columns.length} noun="service" onGo={setAt}>
        <p className="quiz-matrix-service" aria-live="polite">
          <strong>{column.title}</strong>
          <span>
            Service {at + 1} of {layout.columns.length}
          </span>
        </p>
      </StepNav>
      <ul className="quiz-matrix-rows">
        {layout.rows.map((row) => {
          const item = layout.cell(row.index, column.index);
          if (!item) return null;
          const owner = answers[item.id]?.choice ?? null;
          return (
            <li key={row.index}>
              <p className="quiz-matrix-row-title">{row.title}</p>
              <div
                className="quiz-matrix-owners"
                role="group"
                aria-label={`${row.title} on ${column.title}`}
              >
                {OWNERS.map((o) => (
                  <button
                    key={o}
                    type="button"
                    className={`owner-button owner-button-${o.toLowerCase()}`}
                    aria-pressed={owner === o}
                    onClick={() => onAnswer(item, owner === o ? null : o)}
                  >
                    <Icon name={OWNER_ICONS[o]} size="1.4em" />
                    <span>{OWNER_LABELS[o]}</span>
                    {owner === o ? <Icon name="check" className="icon owner-button-check" /> : null}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

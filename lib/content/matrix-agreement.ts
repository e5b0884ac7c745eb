import { OWNER_CELL_WORDS, matrixItemKey } from "./note-matrix";
import { isControlKind, type Citation, type ContentProblem, type ExtractedItem, type NoteMatrix, type ParsedNote } from "./types";

/** A matrix cell explains itself, and cites its source, with its service note's control. */
export interface MatrixCellExplanation {
  detail: string;
  citation?: Citation;
}

type FindNote = (target: string, from: ParsedNote) => ParsedNote | undefined;

export interface MatrixAgreement {
  problems: ContentProblem[];
  /** The explanation of each matrix item, by note file and item key: the service note's own. */
  details: Map<string, Map<string, MatrixCellExplanation>>;
}

const where = (note: ParsedNote, item: ExtractedItem) => `${note.file}:${item.line}`;

/**
 * A matrix cell must say what the column's service note says, or the two lessons would teach two
 * owners for one control. For every owned cell, the service note must have a control item whose
 * term is the row's control (ignoring case) with the same owner. A missing note, a missing control
 * or another owner is an error naming the cell and what the note says. A column whose note is
 * unwritten, or left out for its own errors, is only a warning while all its cells are empty: it
 * asks nothing yet.
 *
 * `find` looks a note up among the lessons, `findLeftOut` among the notes left out for errors.
 */
export function checkMatrixAgreement(
  notes: ParsedNote[],
  find: FindNote,
  findLeftOut: FindNote,
): MatrixAgreement {
  const problems: ContentProblem[] = [];
  const details = new Map<string, Map<string, MatrixCellExplanation>>();
  for (const note of notes) {
    const noteDetails = new Map<string, MatrixCellExplanation>();
    for (const matrix of note.matrices) {
      const at = (line: number, severity: ContentProblem["severity"], message: string) =>
        problems.push({
          file: note.file,
          line,
          severity,
          message: `service matrix "${matrix.title}": ${message}`,
        });
      matrix.columns.forEach((column, c) => {
        const owned = matrix.rows.filter((row) => row.cells[c]);
        const service = find(column.note, note);
        if (!service) {
          const broken = findLeftOut(column.note, note);
          const why = broken
            ? `the note "${column.note}" is left out until the errors in ${broken.file} are fixed`
            : `there is no note "${column.note}"`;
          if (owned.length === 0) {
            at(
              matrix.line,
              "warning",
              `column [[${column.note}]]: ${why}; its cells are empty, so it asks nothing yet`,
            );
          }
          for (const row of owned) {
            at(
              row.line,
              "error",
              `${cellName(matrix, row.label, c)}, but nothing can check it: ${why}`,
            );
          }
          return;
        }
        for (const row of owned) {
          const owner = row.cells[c];
          if (!owner) continue;
          const said = service.items.filter(
            (item) =>
              isControlKind(item.kind) && item.prompt.toLowerCase() === row.label.toLowerCase(),
          );
          const cell = cellName(matrix, row.label, c);
          if (said.length === 0) {
            const terms = service.items.filter((i) => isControlKind(i.kind)).map((i) => i.prompt);
            at(
              row.line,
              "error",
              `${cell}, but ${service.file} has no control "${row.label}" ` +
                `(its controls: ${terms.length > 0 ? terms.join(", ") : "none"})`,
            );
            continue;
          }
          const other = said.find((item) => item.owner !== owner);
          if (other) {
            at(
              row.line,
              "error",
              `${cell}, but ${where(service, other)} says ${OWNER_CELL_WORDS[other.owner]}` +
                (other.source ? ` (under "${other.source.heading}")` : ""),
            );
            continue;
          }
          const heading = said[0].source ? ` under "${said[0].source.heading}"` : "";
          noteDetails.set(matrixItemKey(matrix.id, row.slug, column.slug), {
            detail: said[0].detail || `${service.title} lists "${said[0].prompt}"${heading}.`,
            ...(said[0].citation ? { citation: said[0].citation } : {}),
          });
        }
      });
    }
    if (noteDetails.size > 0) details.set(note.file, noteDetails);
  }
  return { problems, details };
}

function cellName(matrix: NoteMatrix, row: string, column: number): string {
  const owner = matrix.rows.find((r) => r.label === row)?.cells[column];
  const word = owner ? OWNER_CELL_WORDS[owner] : "—";
  return `cell "${row}" × [[${matrix.columns[column]?.note}]] is ${word}`;
}

import { isServiceMatrixHeading } from "./sections";
import { slugify } from "./slug";
import type {
  ContentProblem,
  ExtractedItem,
  Heading,
  MatrixColumn,
  MatrixRow,
  NoteMatrix,
  Owner,
} from "./types";
import { parseWikiLinkInner, wikiLinkLabel } from "./wiki-link";

/**
 * Service matrices: a control per row, a service per column, each cell the owner of that control on
 * that service. One table syntax, read here and nowhere else, written in either of two places:
 *
 * - in any note, the first table under a "Service matrix" heading (sections.ts);
 * - in an `.mdx` lesson, a table inside `<ResponsibilityMatrix title="...">…</ResponsibilityMatrix>`.
 *
 * ```
 * | Control           | [[Amazon EC2\|EC2]] | [[AWS Lambda\|Lambda]] |
 * | ----------------- | ------------------- | ---------------------- |
 * | Guest OS patching | Customer            | AWS                    |
 * | Backups           | —                   | Shared                 |
 * ```
 *
 * The first header cell is "Control"; each other one is a wiki link to a service note. A body cell
 * is exactly AWS, Customer or Shared, or empty ("", "-" or "—": not asked). Anything else is an
 * error, because a cell the parser misread would teach a wrong owner. Each owned cell is one MATRIX
 * quiz item; build-library.ts checks it against the column's service note.
 */
export const MATRIX_ELEMENT = "ResponsibilityMatrix";

const FENCE = /^\s*(```|~~~)/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const EMPTY_CELL = /^(?:|-|–|—)$/;
const CELL_OWNERS: Record<string, Owner> = { aws: "AWS", customer: "CUSTOMER", shared: "SHARED" };
const OPEN_ELEMENT = new RegExp(`^\\s*<${MATRIX_ELEMENT}\\b([^>]*?)(/?)>\\s*$`);
const CLOSE_ELEMENT = new RegExp(`^\\s*</${MATRIX_ELEMENT}>\\s*$`);
const ANY_ELEMENT = new RegExp(`<${MATRIX_ELEMENT}\\b`);
const TITLE_ATTRIBUTE = /\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** The words an owner is written with in a cell, and in messages. */
export const OWNER_CELL_WORDS: Record<Owner, string> = {
  AWS: "AWS",
  CUSTOMER: "Customer",
  SHARED: "Shared",
};

/** The id of a matrix row on the lesson page: where its items' "Read this in the lesson" lands. */
export function matrixRowAnchor(matrixId: string, rowSlug: string): string {
  return `matrix-${matrixId}-${rowSlug}`;
}

/** The study-mode reveal switch of a matrix (see study-mode.tsx). */
export function matrixRevealSection(matrix: Pick<NoteMatrix, "id">): string {
  return `matrix-${matrix.id}`;
}

/** A table row's cells, split at pipes; `\|` stays in its cell, as GFM and Obsidian read it. */
function rowCells(text: string): string[] {
  return text
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

interface TableLines {
  /** 1-based line of the header row. */
  line: number;
  rows: Array<{ line: number; text: string }>;
}

/** The tables among lines `from`..`to` (1-based, `to` exclusive), outside code fences. */
function tablesIn(lines: string[], from: number, to: number): TableLines[] {
  const tables: TableLines[] = [];
  let inCode = false;
  for (let n = from; n < to; n++) {
    const line = lines[n - 1];
    if (FENCE.test(line)) inCode = !inCode;
    if (inCode || FENCE.test(line)) continue;
    if (!TABLE_ROW.test(line) || !TABLE_RULE.test(lines[n] ?? "") || n + 1 >= to) continue;
    const rows: TableLines["rows"] = [];
    let m = n;
    while (m < to && /^\s*\|/.test(lines[m - 1])) {
      rows.push({ line: m, text: lines[m - 1] });
      m++;
    }
    tables.push({ line: n, rows });
    n = m - 1;
  }
  return tables;
}

/**
 * Reads one matrix table. Every problem is an error and yields no matrix, so that a note whose
 * matrix could teach a wrong owner is left out until it is fixed.
 */
export function parseMatrixTable(
  table: TableLines,
  { title, section, file }: { title: string; section?: string; file: string },
  inline: (markdown: string) => string,
): { matrix?: NoteMatrix; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const error = (line: number, message: string) =>
    problems.push({
      file,
      line,
      severity: "error",
      message: `service matrix "${title}": ${message}`,
    });
  const id = slugify(title);
  const [header, rule, ...body] = table.rows;
  for (const { line, text } of table.rows) {
    const bare = [...text.matchAll(/\[\[([^\]\n]*)\]\]/g)].filter((m) => /(?<!\\)\|/.test(m[1]));
    if (bare.length === 0) continue;
    const escaped = bare.map((m) => m[0].replace(/(?<!\\)\|/g, "\\|")).join(", ");
    error(
      line,
      `in a table, a wiki link's alias pipe is written "\\|": ${escaped} ` +
        '(a bare "|" starts a new column, in Obsidian and on the lesson page)',
    );
  }
  if (problems.length > 0) return { problems };
  const headerCells = rowCells(header.text);
  // GFM reads a table only when its rule row has as many cells as its header (the lesson would
  // show the lines as text while the quiz asked the cells).
  if (rowCells(rule.text).length !== headerCells.length) {
    error(
      rule.line,
      `the row under the header has ${rowCells(rule.text).length} cells, the header ${headerCells.length}`,
    );
  }
  const first = inline(headerCells[0] ?? "");
  if (first.toLowerCase() !== "control") {
    error(header.line, `the first header cell must be "Control", not "${first}"`);
  }
  const columns: MatrixColumn[] = [];
  headerCells.slice(1).forEach((raw, i) => {
    const link = /^\[\[([^\]\n]*)\]\]$/.exec(raw);
    const parts = link ? parseWikiLinkInner(link[1]) : undefined;
    if (!parts || "error" in parts || !parts.target || parts.heading) {
      error(
        header.line,
        `column ${i + 2} is "${raw}"; a column header must be one wiki link to a service note, ` +
          "such as [[Amazon EC2\\|EC2]]",
      );
      return;
    }
    const slug = slugify(parts.target);
    if (columns.some((c) => c.slug === slug)) {
      error(header.line, `two columns name the note "${parts.target}"`);
      return;
    }
    columns.push({ note: parts.target, label: wikiLinkLabel(parts), slug });
  });
  const rows: MatrixRow[] = [];
  for (const { line, text } of body) {
    const cells = rowCells(text);
    const label = inline(cells[0] ?? "");
    if (!/[\p{L}\p{N}]/u.test(label)) {
      error(line, "a row has no control in its first cell");
      continue;
    }
    if (cells.length !== headerCells.length) {
      error(
        line,
        `row "${label}" has ${cells.length} cells, the header ${headerCells.length}: ` +
          'write "—" in a cell that is not asked',
      );
      continue;
    }
    const slug = slugify(label);
    if (rows.some((r) => r.slug === slug)) {
      error(line, `the control "${label}" has two rows`);
      continue;
    }
    const owners = cells.slice(1).map((raw, c) => {
      const cell = inline(raw);
      if (EMPTY_CELL.test(cell)) return undefined;
      const owner = CELL_OWNERS[cell.toLowerCase()];
      if (!owner) {
        error(
          line,
          `cell "${cell}" (row "${label}", column ${columns[c]?.note ?? c + 2}) must be exactly ` +
            'AWS, Customer or Shared, or "—" when it is not asked',
        );
      }
      return owner;
    });
    rows.push({ label, slug, anchor: matrixRowAnchor(id, slug), line, cells: owners });
  }
  if (body.length === 0) error(table.line, "the table has no rows");
  if (problems.length > 0) return { problems };
  return { matrix: { id, title, line: table.line, section, columns, rows }, problems };
}

/**
 * Finds the note's service matrices, in reading order: `<ResponsibilityMatrix title>` elements of
 * an `.mdx` lesson, and the first table under each "Service matrix" heading. The props form
 * `<ResponsibilityMatrix rows={...} />` (the service-model comparison) is not a service matrix.
 */
export function findMatrices({
  lines,
  bodyStart,
  headings,
  format,
  file,
  inline,
}: {
  lines: string[];
  bodyStart: number;
  headings: Array<Pick<Heading, "text" | "line" | "anchor">>;
  format: "md" | "mdx";
  file: string;
  inline: (markdown: string) => string;
}): { matrices: NoteMatrix[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const found: Array<{ table: TableLines; title: string; section?: string }> = [];
  const inElements: Array<[number, number]> = [];
  let inCode = false;
  for (let i = bodyStart; i < lines.length; i++) {
    if (FENCE.test(lines[i])) inCode = !inCode;
    if (inCode || !ANY_ELEMENT.test(lines[i])) continue;
    const line = i + 1;
    if (format === "md") {
      problems.push({
        file,
        line,
        severity: "warning",
        message:
          `<${MATRIX_ELEMENT}> works only in an .mdx lesson and shows here as text; in a .md note, ` +
          'put the table under a "Service matrix" heading',
      });
      continue;
    }
    // The props form, `<ResponsibilityMatrix rows={[...]} />`, is the service-model comparison.
    if (/\brows\s*=/.test(lines[i])) continue;
    const open = OPEN_ELEMENT.exec(lines[i]);
    if (!open) {
      problems.push({
        file,
        line,
        severity: "error",
        message: `write the opening <${MATRIX_ELEMENT} title="..."> on a line of its own, in one line`,
      });
      continue;
    }
    const title = (
      TITLE_ATTRIBUTE.exec(open[1])
        ?.slice(1)
        .find((t) => t !== undefined) ?? ""
    ).trim();
    const close = open[2] === "/" ? i : lines.findIndex((l, j) => j > i && CLOSE_ELEMENT.test(l));
    const end = close < 0 ? lines.length + 1 : close + 1;
    const table = tablesIn(lines, line + 1, end)[0];
    const problem = !title
      ? `<${MATRIX_ELEMENT}> needs a title="..." (it names the matrix and its quiz items)`
      : close < 0
        ? `<${MATRIX_ELEMENT} title="${title}"> is never closed with </${MATRIX_ELEMENT}>`
        : !table
          ? `<${MATRIX_ELEMENT} title="${title}"> holds no table`
          : undefined;
    if (problem) problems.push({ file, line, severity: "error", message: problem });
    else if (table) found.push({ table, title });
    inElements.push([line, end]);
    i = end - 1;
  }
  headings.forEach((heading, h) => {
    if (!isServiceMatrixHeading(heading.text)) return;
    const end = headings[h + 1]?.line ?? lines.length + 1;
    const tables = tablesIn(lines, heading.line + 1, end).filter(
      (t) => !inElements.some(([from, to]) => t.line > from && t.line < to),
    );
    if (tables.length === 0) {
      problems.push({
        file,
        line: heading.line,
        severity: "warning",
        message: `"${heading.text}" has no table: a service matrix is the first table under it`,
      });
      return;
    }
    for (const extra of tables.slice(1)) {
      problems.push({
        file,
        line: extra.line,
        severity: "warning",
        message: `only the first table under "${heading.text}" is its service matrix; this one is not quizzed`,
      });
    }
    found.push({ table: tables[0], title: heading.text, section: heading.anchor });
  });
  const matrices: NoteMatrix[] = [];
  for (const { table, title, section } of found.sort((a, b) => a.table.line - b.table.line)) {
    const parsed = parseMatrixTable(table, { title, section, file }, inline);
    problems.push(...parsed.problems);
    if (!parsed.matrix) continue;
    const twin = matrices.find((m) => m.id === parsed.matrix?.id);
    if (twin) {
      problems.push({
        file,
        line: table.line,
        severity: "error",
        message:
          `two service matrices are titled "${title}" (the other at line ${twin.line}): ` +
          "give each its own title, which names its quiz items",
      });
      continue;
    }
    matrices.push(parsed.matrix);
  }
  return { matrices, problems };
}

/** The key of one cell's quiz item: `matrix:<matrix>:<row>:<column>`. */
export function matrixItemKey(matrixId: string, rowSlug: string, columnSlug: string): string {
  return `matrix:${matrixId}:${rowSlug}:${columnSlug}`;
}

/**
 * One MATRIX item per owned cell, row by row. The explanation is the column's service note's, which
 * build-library.ts fills in when it checks that the note agrees.
 */
export function matrixItems(matrix: NoteMatrix): ExtractedItem[] {
  return matrix.rows.flatMap((row, rowIndex) =>
    row.cells.flatMap((owner, columnIndex) => {
      const column = matrix.columns[columnIndex];
      if (!owner || !column) return [];
      return [
        {
          key: matrixItemKey(matrix.id, row.slug, column.slug),
          kind: "MATRIX" as const,
          prompt: `${row.label} on ${column.note}`,
          description: "",
          detail: "",
          owner,
          spec: {
            kind: "MATRIX" as const,
            matrix: matrix.id,
            title: matrix.title,
            row: row.label,
            column: column.note,
            rowIndex,
            columnIndex,
          },
          anchor: row.anchor,
          line: row.line,
          source: { heading: matrix.title, line: matrix.line, rule: "service matrix" },
        },
      ];
    }),
  );
}

/** How many cells the matrices have, and how many of them are asked. */
export function countCells(matrices: NoteMatrix[]): { cells: number; filled: number } {
  const all = matrices.flatMap((m) => m.rows.flatMap((r) => r.cells));
  return { cells: all.length, filled: all.filter(Boolean).length };
}

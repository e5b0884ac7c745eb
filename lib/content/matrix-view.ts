import type { ResolvedLink } from "./build-library";
import { MODEL_EXAMPLES, SERVICE_MODELS, type ServiceMatrix } from "./service-layers";
import { OWNERS, type NoteMatrix, type Owner } from "./types";

/**
 * What a lesson's matrix table shows, whichever matrix it is: the seed's service-model matrix
 * ("Variation by Service"), the service-model comparison of an `.mdx` lesson, or a service matrix
 * (note-matrix.ts). One shape, so that one component (components/lesson/matrix-table.tsx) draws
 * them all.
 */
export interface MatrixView {
  caption: string;
  /** The header of the first column: "Layer", "Control". */
  rowHeader: string;
  columns: Array<{
    label: string;
    /** Read after the label by a screen reader, and shown small beneath it: "EC2". */
    examples?: string;
    /** The column's lesson, for a service note's column. */
    href?: string;
    /** A service note's column whose note is not written yet (so it has no href). */
    unwritten?: boolean;
    /** The note the column names, when its label is an alias: "Amazon EC2" for "EC2". */
    note?: string;
  }>;
  rows: Array<{
    label: string;
    /** The row's id: where an item's "Read this in the lesson" link lands. */
    anchor?: string;
    /** One per column; null for a cell that is not asked. */
    cells: Array<Owner | null>;
  }>;
}

const SERVICE_MODEL_CAPTION = "Who runs each layer, by service model";

/** The seed's "Variation by Service" matrix, built from its items (serviceMatrixOf). */
export function viewOfServiceModels(matrix: ServiceMatrix): MatrixView {
  return {
    caption: SERVICE_MODEL_CAPTION,
    rowHeader: "Layer",
    columns: matrix.columns.map(({ model, examples }) => ({ label: model, examples })),
    rows: matrix.rows.map(({ layer, anchor, owners }) => ({ label: layer, anchor, cells: owners })),
  };
}

/** The `.mdx` props form, `<ResponsibilityMatrix rows={[{ layer, iaas, paas, saas }]} />`. */
export function viewOfModelRows(
  rows: Array<{ layer: string; iaas: string; paas: string; saas: string }>,
): MatrixView {
  const owner = (value: string) => OWNERS.find((o) => o === value) ?? null;
  return {
    caption: SERVICE_MODEL_CAPTION,
    rowHeader: "Layer",
    columns: SERVICE_MODELS.map((model) => ({ label: model, examples: MODEL_EXAMPLES[model] })),
    rows: rows.map((row) => ({
      label: row.layer,
      cells: [owner(row.iaas), owner(row.paas), owner(row.saas)],
    })),
  };
}

/** A service matrix of a note, its columns linked to their lessons. */
export function viewOfNoteMatrix(
  matrix: NoteMatrix,
  resolve: (link: { target: string }) => ResolvedLink,
): MatrixView {
  return {
    caption: matrix.title,
    rowHeader: "Control",
    columns: matrix.columns.map((column) => {
      const { href } = resolve({ target: column.note });
      return {
        label: column.label,
        ...(href ? { href } : { unwritten: true }),
        ...(column.label !== column.note ? { note: column.note } : {}),
      };
    }),
    rows: matrix.rows.map((row) => ({
      label: row.label,
      anchor: row.anchor,
      cells: row.cells.map((owner) => owner ?? null),
    })),
  };
}

const isText = (value: unknown): value is string => typeof value === "string";
const isOptionalText = (value: unknown) => value === undefined || isText(value);
const isCell = (value: unknown) => value === null || OWNERS.some((o) => o === value);

/**
 * Reads the view remark-lesson.ts writes into `<ServiceMatrix matrix="...">`. An `.mdx` author could
 * write that element by hand, so anything malformed yields undefined (no table), never a broken page.
 */
export function parseMatrixView(json: string | undefined): MatrixView | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json ?? "");
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { caption, rowHeader, columns, rows } = value as Record<string, unknown>;
  if (!isText(caption) || !isText(rowHeader) || !Array.isArray(columns) || !Array.isArray(rows)) {
    return undefined;
  }
  const okColumns = columns.every(
    (c) =>
      isText(c?.label) &&
      isOptionalText(c?.examples) &&
      // Only a lesson's own path: a column links to another lesson, never off the site.
      (c?.href === undefined || (isText(c.href) && /^\/(?!\/)/.test(c.href))) &&
      isOptionalText(c?.note) &&
      (c?.unwritten === undefined || typeof c.unwritten === "boolean"),
  );
  const okRows = rows.every(
    (r) =>
      isText(r?.label) &&
      isOptionalText(r?.anchor) &&
      Array.isArray(r?.cells) &&
      r.cells.length === columns.length &&
      r.cells.every(isCell),
  );
  return okColumns && okRows ? { caption, rowHeader, columns, rows } : undefined;
}

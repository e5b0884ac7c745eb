import {
  ownerColumn as ownerOfColumn,
  ownersMentioned,
  ownerWord,
  type OwnerVocabulary,
} from "./responsibility-headings";
import type { Owner } from "./types";

/**
 * The quiz items inside one responsibility section, in the forms people write: bullets with a bold
 * term, a colon or a spaced dash, plain-sentence bullets, and tables. Pure: reports what it skips.
 */
export interface RawItem {
  term: string;
  explanation: string;
  /** Set when the row's own column or owner cell names the owner (owner tables). */
  owner?: Owner;
  line: number;
  /** Index into SectionScan tables, for items that come from a table row. */
  table?: number;
  /** The service a per-service table's row names: the owner holds on that service only. */
  service?: string;
  /** True for the `**Term**: explanation` form the shipped notes use. */
  bold?: boolean;
  /** The bullets nested under this one (a Shared control's halves, for instance), as written. */
  children?: Array<{ line: number; text: string }>;
}

export interface ScannedTable {
  /** The header row's line. */
  line: number;
  /** Its columns name the owners (`| Control | AWS | Customer |`), or it has an owner column. */
  namesOwners: boolean;
  items: RawItem[];
}

export interface SectionScan {
  items: RawItem[];
  warnings: Array<{ line: number; message: string }>;
}

const BULLET = /^(\s*)(?:[-*+])\s+(.*)$/;
const BOLD_TERM = /^\*\*(.+?)\*\*\s*:?\s*(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
/** A term is short; a longer lead before a colon is a sentence, and the bullet stays whole. */
const TERM_MAX_WORDS = 8;
const EMPTY_CELL = /^(?:|-|–|—|n\/a|none)$/i;

/** Images, badges and inline HTML tags carry no words a quiz item could use. */
function withoutImagesAndHtml(markdown: string): string {
  return markdown
    .replace(/!\[\[[^\]\n]*\]\]/g, " ")
    .replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, " ")
    .replace(/!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])/g, " ")
    .replace(/<\/?[a-z][^>]*>/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "See also [[…]]" and its translations: a pointer to another note, not a control. */
const SEE_ALSO =
  /^(?:see also|see|cf\.?|related|ver también|véase|veja também|ver também|voir aussi|voir|siehe auch|siehe|参考|関連(?:リンク)?|参照)\s*[:：]?\s*\[/iu;

/**
 * An author's note to self in a list, which is never a control: a comment (`// recheck ppt`), a
 * reminder (`TODO …`, `FIXME …`, `TBD`), a line of question marks, a bullet struck through whole or
 * at its start (`~~Backups~~ (removed)`), or a pointer to another note (`see also [[IAM]]`).
 * Returns what it is, for the warning, or null.
 */
export function authorsReminder(markdown: string): string | null {
  const text = markdown.replace(/^\*\*(.*?)\*\*/, "$1").trim();
  if (text.startsWith("//")) return "a comment";
  if (/^(?:todo|fixme|xxx|tbd)(?![\p{L}\p{N}])/iu.test(text)) return "a reminder";
  if (/^[?？]+(?:\s|$)/.test(text)) return "a question to self";
  if (/^~~[^~].*?~~/.test(markdown.trim())) return "struck through";
  if (SEE_ALSO.test(text)) return "a pointer to another note";
  return null;
}

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** One bullet's term and explanation, or null when it has no words (a badge, an image). */
export function parseBullet(
  content: string,
  inline: (markdown: string) => string,
): { term: string; explanation: string; bold: boolean; warning?: string } | null {
  const text = withoutImagesAndHtml(content);
  if (!hasWords(inline(text))) return null;
  const bold = BOLD_TERM.exec(text);
  if (bold) {
    // The form the shipped notes use; it must keep making exactly the items it always made.
    const term = inline(bold[1]).replace(/:$/, "").trim();
    const explanation = inline(bold[2].replace(/^[-–—]\s+/, ""));
    return {
      term,
      explanation,
      bold: true,
      ...(explanation ? {} : { warning: emptyExplanation(term) }),
    };
  }
  const unclosed = /^\*\*(?!.*\*\*)/.test(text);
  const plain = inline(unclosed ? text.replace(/^\*\*/, "") : text);
  // "Term: …", "Term : …" (French spacing), "Term：…" (a full-width colon) or "Term — …".
  const split = /^(.+?)(?:\s?:\s+|：\s*|\s+[-–—]\s+|\s?:$)(.*)$/.exec(plain);
  const lead = split?.[1].trim() ?? "";
  const isTerm = split && lead.split(/\s+/).length <= TERM_MAX_WORDS && !/[.!?]$/.test(lead);
  const term = isTerm ? lead : plain;
  const explanation = isTerm ? (split[2] ?? "").trim() : "";
  const warnings = [
    unclosed ? `bullet "${term}" opens bold (**) and never closes it` : "",
    isTerm && !explanation ? emptyExplanation(term) : "",
  ].filter(Boolean);
  return {
    term,
    explanation,
    bold: false,
    ...(warnings.length > 0 ? { warning: warnings.join("; ") } : {}),
  };
}

function emptyExplanation(term: string): string {
  return `bullet "${term}" has a term but no explanation`;
}

function mentionsOtherOwner(
  cell: string,
  owner: Owner | "TABLE" | undefined,
  vocabulary: OwnerVocabulary,
): boolean {
  // A product's name ("AWS Lambda", "Amazon S3") names a service, not an owner.
  const words = cell.replace(/\b(?:AWS|Amazon)\s+(?=[A-Z0-9])/g, "").toLowerCase();
  return [...ownersMentioned(words, vocabulary)].some((o) => o !== owner);
}

function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

const OWNER_HEADER =
  /^(?:owner|owned by|who|responsible|responsible party|managed by|responsable|responsável|quem|quién|qui|zuständig|zuständigkeit|verantwortlich|責任|担当|責任者)$/iu;
/** A label column that names services makes a per-service table: one row per service. */
const SERVICE_HEADER = /^(?:(?:aws )?services?|servicios?|serviços?|dienste?|サービス)$/iu;

/**
 * One table's items. A table whose header names owners (`AWS | Customer`) gives one item per
 * non-empty cell, owned by its column; one with an `Owner` column gives one item per row, owned by
 * that cell when it is exactly one owner word; any other table gives one item per row, first column
 * the term, the rest its explanation, owned by the section.
 */
export function tableItems(
  rows: Array<{ line: number; text: string }>,
  inline: (markdown: string) => string,
  vocabulary: OwnerVocabulary,
): SectionScan & { namesOwners: boolean } {
  const items: RawItem[] = [];
  const warnings: SectionScan["warnings"] = [];
  const header = tableCells(rows[0].text).map((c) => inline(c));
  const body = rows.slice(2).map((row) => ({ line: row.line, cells: tableCells(row.text) }));
  const columnOwners = header.map((cell) => ownerOfColumn(cell, vocabulary));
  const ownerColumn = header.findIndex((cell, i) => i > 0 && OWNER_HEADER.test(cell.trim()));
  const labelColumn = columnOwners.findIndex((owner) => owner === undefined);
  const perService = labelColumn >= 0 && SERVICE_HEADER.test(header[labelColumn].trim());

  if (columnOwners.some(Boolean)) {
    for (const { line, cells } of body) {
      const label = labelColumn >= 0 ? inline(cells[labelColumn] ?? "") : "";
      cells.forEach((cell, i) => {
        const owner = columnOwners[i];
        const term = inline(withoutImagesAndHtml(cell));
        if (!owner || EMPTY_CELL.test(term) || !hasWords(term)) return;
        if (perService) items.push({ term, explanation: "", owner, line, ...(hasWords(label) ? { service: label } : {}) });
        else items.push({ term, explanation: label, owner, line });
      });
    }
    return { items, warnings, namesOwners: true };
  }
  if (ownerColumn > 0) {
    for (const { line, cells } of body) {
      const term = inline(withoutImagesAndHtml(cells[0] ?? ""));
      if (!hasWords(term)) continue;
      const cell = cells[ownerColumn] ?? "";
      const owner = ownerWord(inline(cell), vocabulary);
      if (!owner) {
        warnings.push({
          line,
          message: `row "${term}" is skipped: its owner cell "${inline(cell)}" is not exactly one of AWS, Customer, Shared`,
        });
        continue;
      }
      const explanation = cells
        .filter((_, i) => i !== 0 && i !== ownerColumn)
        .map((c) => inline(c))
        .filter(Boolean)
        .join("; ");
      items.push({ term, explanation, owner, line });
    }
    return { items, warnings, namesOwners: true };
  }
  for (const { line, cells } of body) {
    const term = inline(withoutImagesAndHtml(cells[0] ?? ""));
    if (!hasWords(term)) continue;
    const explanation = cells
      .slice(1)
      .map((c) => inline(c))
      .filter(Boolean)
      .join("; ");
    if (!explanation) warnings.push({ line, message: emptyExplanation(term) });
    items.push({ term, explanation, line });
  }
  return { items, warnings, namesOwners: false };
}

/**
 * Scans the lines of one section (1-based `from`..`to`, exclusive) for items. Items are the
 * bullets at `indent`: 0 under a heading; under a heading written inside a list item, "first", the
 * indentation of the first bullet (a sibling `- Term` or a child `   - Term` of the heading's item).
 * Bullets at any other indentation belong to a parent bullet.
 *
 * `owner` is the section's owner: a table whose header mentions another owner in words the rules do
 * not read (`| Service | AWS does | You do |`) is skipped rather than given the section's owner.
 * `tablesOnly` reads the tables alone: under a heading that names no owner, only a table whose
 * columns name the owners says who owns what.
 */
export function scanSection(
  lines: string[],
  from: number,
  to: number,
  indent: number | "first",
  inline: (markdown: string) => string,
  vocabulary: OwnerVocabulary,
  { owner, tablesOnly = false }: { owner?: Owner | "TABLE"; tablesOnly?: boolean } = {},
): SectionScan & { tables: ScannedTable[] } {
  const items: RawItem[] = [];
  const warnings: SectionScan["warnings"] = [];
  const tables: ScannedTable[] = [];
  let inCode = false;
  let itemIndent = indent === "first" ? undefined : indent;
  for (let n = from; n < to; n++) {
    const line = lines[n - 1];
    if (FENCE.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    if (TABLE_ROW.test(line) && TABLE_RULE.test(lines[n] ?? "") && n + 1 < to) {
      const rows: Array<{ line: number; text: string }> = [];
      let m = n;
      while (m < to && /^\s*\|/.test(lines[m - 1])) {
        rows.push({ line: m, text: lines[m - 1] });
        m++;
      }
      const table = tableItems(rows, inline, vocabulary);
      const header = tableCells(rows[0].text).slice(1).map(inline);
      const stray = header.find((cell) => !ownerOfColumn(cell, vocabulary) && mentionsOtherOwner(cell, owner, vocabulary));
      if (!table.namesOwners && stray !== undefined) {
        warnings.push({
          line: n,
          message: `table is skipped: its column "${stray}" names an owner, but not as exactly AWS, Customer or Shared`,
        });
        n = m - 1;
        continue;
      }
      // A table that names some owners in words the rules read and another in words they do not:
      // the cells of the other column are not asked, and said so.
      const unread = header.find((cell) => table.namesOwners && !ownerOfColumn(cell, vocabulary) && mentionsOtherOwner(cell, undefined, vocabulary));
      if (unread !== undefined) {
        warnings.push({ line: n, message: `column "${unread}" names an owner, but not in words the rules read, so its cells are not quiz items` });
      }
      warnings.push(...table.warnings);
      items.push(...table.items.map((item) => ({ ...item, table: tables.length })));
      tables.push({ line: n, namesOwners: table.namesOwners, items: table.items });
      n = m - 1;
      continue;
    }
    const bullet = tablesOnly ? null : BULLET.exec(line);
    if (!bullet) continue;
    const depth = bullet[1].replace(/\t/g, "    ").length;
    if (itemIndent === undefined) itemIndent = depth;
    if (depth !== itemIndent) {
      const parent = items.at(-1);
      if (depth > itemIndent && parent && parent.table === undefined) {
        parent.children = [...(parent.children ?? []), { line: n, text: bullet[2].trim() }];
      }
      continue;
    }
    const reminder = authorsReminder(bullet[2].trim());
    if (reminder) {
      warnings.push({ line: n, message: `bullet "${bullet[2].trim()}" is ${reminder}, not a control, so it is no quiz item` });
      continue;
    }
    const parsed = parseBullet(bullet[2].trim(), inline);
    if (!parsed || !parsed.term) continue;
    if (parsed.warning) warnings.push({ line: n, message: parsed.warning });
    items.push({ term: parsed.term, explanation: parsed.explanation, line: n, bold: parsed.bold });
  }
  return { items, warnings, tables };
}

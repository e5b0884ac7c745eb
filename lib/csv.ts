// Characters a spreadsheet may read as the start of a formula: = + - @, tab and carriage return,
// and the fullwidth forms of the first four, which Excel and LibreOffice also accept.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field. Quoted when it holds a separator, quote or line break; a field that could start a
 * formula gets an apostrophe, so that a spreadsheet shows a learner's name instead of running it.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The UTF-8 byte order mark. Excel reads a CSV file without it in the system's legacy code page, so
 * "José" or "Zoë" come out as mojibake; with it, Excel (and LibreOffice) read UTF-8.
 */
export const UTF8_BOM = "\uFEFF";

/** A CSV document: CRLF line ends, and the UTF-8 byte order mark first unless `bom` is false. */
export function toCsv(
  header: string[],
  rows: Array<Array<string | number | null | undefined>>,
  { bom = true }: { bom?: boolean } = {},
): string {
  const body = [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  return bom ? UTF8_BOM + body : body;
}

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

export function toCsv(
  header: string[],
  rows: Array<Array<string | number | null | undefined>>,
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

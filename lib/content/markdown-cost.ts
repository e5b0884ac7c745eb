/**
 * The most emphasis and link marks (`*`, `_`, `[`, `]`) one paragraph, heading, list item or table
 * row may hold for the author's preview to render it. Markdown's parser (micromark) matches these
 * marks in time that grows with the square of their number in one paragraph: 16,000 of them took
 * 3 s here, 64,000 about 40 s, all that time on the server's one thread. Up to this many, a note of
 * the largest size (note-size.ts) still renders in a few seconds; real notes hold a few dozen.
 */
export const MAX_MARKS_PER_BLOCK = 300;

const MARK = /[*_[\]]/g;
const FENCE = /^\s*(```|~~~)/;
/** A line that starts a block of its own: a list item, a heading or a table row (after any `>`). */
const OWN_BLOCK = /^(?:\s*>)*\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|\|)/;

/**
 * The first block of `source` with more marks than MAX_MARKS_PER_BLOCK, by its first line, or
 * undefined when none has. Blocks are read roughly, as runs of lines between blank lines, with
 * each list item, heading and table row on its own; fenced code is skipped, as markdown reads no
 * emphasis there. Rough only ever errs on the side of counting more together.
 */
export function findCostlyBlock(source: string): { line: number; marks: number } | undefined {
  const lines = source.split(/\r\n?|\n/);
  let inFence = false;
  let start = 0;
  let marks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      inFence = !inFence;
      marks = 0;
      continue;
    }
    if (inFence) continue;
    if (line.trim() === "" || OWN_BLOCK.test(line)) {
      start = i;
      marks = 0;
    }
    marks += line.match(MARK)?.length ?? 0;
    if (marks > MAX_MARKS_PER_BLOCK) {
      // The whole block's count, for the message.
      let total = marks;
      for (let j = i + 1; j < lines.length; j++) {
        if (lines[j].trim() === "" || OWN_BLOCK.test(lines[j]) || FENCE.test(lines[j])) break;
        total += lines[j].match(MARK)?.length ?? 0;
      }
      return { line: start + 1 + (lines[start].trim() === "" ? 1 : 0), marks: total };
    }
  }
  return undefined;
}

/**
 * The largest note the app reads: 512 KB of UTF-8. The longest shipped note is about 12 KB, so this
 * leaves room for any note a person writes, while a pasted log file or a whole book is refused
 * before it is parsed and compiled. The content build (server/content/load-library.ts) leaves a
 * larger file out with an error, and the author's preview (/authoring/preview) refuses it, in the
 * browser and on the server, with the same message.
 */
export const MAX_NOTE_BYTES = 512 * 1024;

/**
 * The most lines a note may have: 10,000, some fifty times the longest shipped note. The note parser
 * takes time that grows faster than its lines (80,000 short lines took 17 s here), so this bounds a
 * note of many short lines, which the byte limit alone lets through by the hundred thousand.
 */
export const MAX_NOTE_LINES = 10_000;

/** The size of a note as it is stored and sent: its UTF-8 bytes, not its UTF-16 length. */
export function noteBytes(source: string): number {
  return new TextEncoder().encode(source).byteLength;
}

/**
 * A size as people read it: "900 bytes", "1.5 KB", "513 KB", "2.0 MB" (1 KB = 1,024 bytes). Whole
 * kilobytes round up, so that a note one byte over 512 KB never reads as "512 KB".
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) {
    const kb = bytes / 1024;
    return `${Number.isInteger(kb) ? kb : kb < 10 ? kb.toFixed(1) : Math.ceil(kb)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What a note over the limit is told, wherever it is refused. */
export function noteTooLargeMessage(bytes: number): string {
  return `This note is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_NOTE_BYTES)}.`;
}

/** A note's lines, as the parser counts them: `\r\n`, `\r` and `\n` each end one. */
export function noteLines(source: string): number {
  return source.split(/\r\n?|\n/).length;
}

/** The message for a note over MAX_NOTE_BYTES or MAX_NOTE_LINES, or undefined when it fits. */
export function noteSizeError(source: string): string | undefined {
  // Each UTF-16 unit is at most 3 bytes of UTF-8, so a short note needs no encoding to pass.
  const bytes = source.length * 3 <= MAX_NOTE_BYTES ? 0 : noteBytes(source);
  if (bytes > MAX_NOTE_BYTES) return noteTooLargeMessage(bytes);
  const lines = noteLines(source);
  if (lines > MAX_NOTE_LINES) {
    const count = (n: number) => n.toLocaleString("en-US");
    return `This note has ${count(lines)} lines; the limit is ${count(MAX_NOTE_LINES)}.`;
  }
  return undefined;
}

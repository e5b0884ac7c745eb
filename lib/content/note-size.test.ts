import { describe, expect, it } from "vitest";
import {
  formatBytes,
  MAX_NOTE_BYTES,
  MAX_NOTE_LINES,
  noteBytes,
  noteLines,
  noteSizeError,
  noteTooLargeMessage,
} from "./note-size";

describe("note size", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(noteBytes("abc")).toBe(3);
    expect(noteBytes("é")).toBe(2);
    expect(noteBytes("責任")).toBe(6);
  });

  it("reads sizes as people do", () => {
    expect(formatBytes(900)).toBe("900 bytes");
    expect(formatBytes(MAX_NOTE_BYTES)).toBe("512 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(2 * 1024 * 1024)).toBe("2.0 MB");
  });

  it("lets a note of exactly the limit through and refuses one byte more", () => {
    expect(noteSizeError("a".repeat(MAX_NOTE_BYTES))).toBeUndefined();
    expect(noteSizeError("a".repeat(MAX_NOTE_BYTES + 1))).toBe(
      "This note is 513 KB; the limit is 512 KB.",
    );
  });

  it("measures a note in another script by its bytes", () => {
    // 200,000 characters of three bytes each: under the limit in characters, over it in bytes.
    const japanese = "責".repeat(200_000);
    expect(noteSizeError(japanese)).toBe(noteTooLargeMessage(600_000));
  });

  it("says how large a 2 MB paste is and what the limit is", () => {
    expect(noteSizeError("x".repeat(2 * 1024 * 1024))).toBe(
      "This note is 2.0 MB; the limit is 512 KB.",
    );
  });

  it("counts lines as the parser does, and refuses one over the limit", () => {
    expect(noteLines("a\r\nb\rc\nd")).toBe(4);
    expect(noteSizeError("a\n".repeat(MAX_NOTE_LINES - 1))).toBeUndefined();
    expect(noteSizeError("a\n".repeat(MAX_NOTE_LINES))).toBe(
      "This note has 10,001 lines; the limit is 10,000.",
    );
  });
});

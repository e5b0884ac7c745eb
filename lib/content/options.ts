import type { ItemOption } from "./types";

/**
 * An option's key: a 32-bit FNV-1a hash of its text, as 8 hex digits. It is stable across edits of
 * other options, and opaque: the right option's key and position give nothing away.
 */
export function optionKey(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text.normalize("NFC")) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Options in key order: an order that does not depend on how the author listed them. */
export function toOptions(texts: string[]): ItemOption[] {
  return texts
    .map((text) => ({ key: optionKey(text), text }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

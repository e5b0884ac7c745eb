import "server-only";
import type { NoteItemsReport } from "@/lib/contracts/lessons";
import { loadLibrary } from "./load-library";

/** A note's quiz items with where each owner came from, or null when there is no such lesson. */
export function getNoteItems(slug: string): NoteItemsReport | null {
  const note = loadLibrary().bySlug.get(slug);
  if (!note) return null;
  return {
    slug: note.slug,
    file: note.file,
    items: note.items.map((item) => ({
      prompt: item.prompt,
      owner: item.owner,
      line: item.line,
      serviceModel: item.serviceModel ?? null,
      source: item.source ?? null,
    })),
  };
}

import { loadLibrary } from "@/server/content/load-library";
import type { SearchDocument } from "@/lib/content/search";

// Built once at build time and served as a file: search runs in the browser.
export const dynamic = "force-static";

export function GET() {
  const documents: SearchDocument[] = loadLibrary().notes.map((note) => ({
    id: note.slug,
    title: note.title,
    aliases: note.aliases.join(" "),
    tags: note.tags.join(" "),
    summary: note.summary,
    text: note.plainText,
  }));
  return Response.json(documents);
}

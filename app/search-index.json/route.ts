import { loadLibrary } from "@/server/content/load-library";
import { toSearchDocuments } from "@/lib/content/search";

// Built once at build time and served as a file: search runs in the browser.
export const dynamic = "force-static";

export function GET() {
  return Response.json(toSearchDocuments(loadLibrary().notes));
}

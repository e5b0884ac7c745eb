import type { Owner } from "@/lib/content/types";

/**
 * `GET /api/lessons/<slug>/items` (instructors and admins): what the quiz will ask from one note,
 * and where each owner came from, as `content:check -- --items` prints it.
 */
export interface NoteItemsReport {
  slug: string;
  file: string;
  items: Array<{
    prompt: string;
    owner: Owner;
    /** The item's own line in the note. */
    line: number;
    /** The service model, for a layer of "Variation by Service". */
    serviceModel: string | null;
    /** The heading the owner came from, its line and the rule it matched; null for service layers. */
    source: { heading: string; line: number; rule: string } | null;
  }>;
}

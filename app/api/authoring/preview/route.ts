import { formatBytes, MAX_NOTE_BYTES } from "@/lib/content/note-size";
import { previewNoteSchema } from "@/lib/validation/authoring";
import { previewNote, PREVIEW_ROLES } from "@/server/authoring/preview-note";
import { requireRole } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { readJson, route } from "@/server/http/route";

/**
 * The body's cap. JSON writes a quote, a backslash or a line break as two characters, so a note at
 * the limit can take up to twice its size in the body; the note itself is then measured exactly,
 * after parsing, by previewNote.
 */
const PREVIEW_BODY_BYTES = 2 * MAX_NOTE_BYTES + 16 * 1024;

/**
 * What the content build would make of a note, without saving it: its title, slug, quiz items with
 * the heading and rule each owner came from, and every problem. For instructors and admins.
 */
export const POST = route(async (request) => {
  const user = await requireRole(...PREVIEW_ROLES);
  const input = await readJson(request, previewNoteSchema, {
    maxBytes: PREVIEW_BODY_BYTES,
    tooLargeMessage: (bytes) =>
      `${bytes ? `This request is ${formatBytes(bytes)}; a` : "A"} note may be at most ` +
      `${formatBytes(MAX_NOTE_BYTES)}.`,
  });
  const { report } = await previewNote(getDb(), user, input, await currentRequestAddress());
  return Response.json(report);
});

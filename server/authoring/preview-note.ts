import "server-only";
import type { MDXContent } from "mdx/types";
import type { NotePreviewReport } from "@/lib/contracts/authoring";
import type { CurrentUser, Role } from "@/lib/contracts/session";
import { compileLesson } from "@/lib/content/compile-lesson";
import { findCostlyBlock, MAX_MARKS_PER_BLOCK } from "@/lib/content/markdown-cost";
import { buildNotePreview } from "@/lib/content/note-preview";
import { noteSizeError } from "@/lib/content/note-size";
import type { ParsedNote } from "@/lib/content/types";
import type { PreviewNoteInput } from "@/lib/validation/authoring";
import { readContent, type ContentFiles } from "@/server/content/load-library";
import { contentRoot } from "@/server/env";
import type { Db } from "@/server/db/client";
import { forbidden, HttpError } from "@/server/http/errors";
import { enforceRateLimit, LIMITS } from "@/server/http/rate-limit";

let shipped: { root: string; content: ContentFiles } | undefined;

/**
 * The shipped notes, scenarios and annotations, parsed once per process as loadLibrary reads them
 * (a content change ships with a new build): what each preview is built beside. loadLibrary keeps
 * only the library built from them, and buildLibrary never changes the notes it is given.
 */
function shippedContent(): ContentFiles {
  const root = contentRoot();
  if (shipped?.root !== root) shipped = { root, content: readContent(root) };
  return shipped.content;
}

/** Who may preview a note: those who teach, as they check lessons before assigning them. */
export const PREVIEW_ROLES: Role[] = ["INSTRUCTOR", "ADMIN"];

export interface NotePreview {
  report: NotePreviewReport;
  /** The note as the build would hold it, for the lesson's title, contents and study mode. */
  note: ParsedNote;
  /** The lesson, compiled and sanitised as a lesson page's; undefined when it could not be. */
  Content?: MDXContent;
}

/**
 * What the content build would make of a note an author pasted or uploaded: its lesson, its quiz
 * items with the heading and rule each owner came from, and every problem, read beside the shipped
 * lessons (lib/content/note-preview.ts). Nothing is saved: the note lives for this request only.
 * The API route and the preview page's action both come here, so the role, the size limit
 * (lib/content/note-size.ts, the build's own) and the rate limit hold for both.
 */
export async function previewNote(
  db: Db,
  user: CurrentUser,
  input: PreviewNoteInput,
  address: string,
): Promise<NotePreview> {
  if (!PREVIEW_ROLES.includes(user.role)) throw forbidden();
  const tooLarge = noteSizeError(input.source);
  if (tooLarge) throw new HttpError(413, "payload_too_large", tooLarge, { source: [tooLarge] });
  await enforceRateLimit(db, LIMITS.notePreview, { userId: user.id, address });

  const { report, note, resolve } = buildNotePreview(input, shippedContent());
  const withError = (line: number, message: string): NotePreview => {
    const problem = { file: report.file, line, severity: "error" as const, message };
    const problems = [{ ...problem, strictInCurated: false }, ...report.problems];
    return { report: { ...report, problems }, note };
  };
  // Compiling blocks the server's one thread, and some markdown takes quadratic time to read.
  const costly = findCostlyBlock(input.source);
  if (costly) {
    return withError(
      costly.line,
      `this paragraph holds ${costly.marks} emphasis and link marks (*, _, [ and ]), and the ` +
        `preview renders up to ${MAX_MARKS_PER_BLOCK}: reading more takes markdown time that ` +
        "grows with their square. Split the paragraph to see the lesson.",
    );
  }
  try {
    // A `.md` note always (the schema refuses .mdx): MDX's markdown format, sanitised HTML.
    const Content = await compileLesson(note.body, { note, resolve });
    return { report, note, Content };
  } catch (error) {
    // The build would fail on this note too: say so beside the other problems, not as a crash.
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return withError(1, `the lesson could not be rendered: ${message}`);
  }
}

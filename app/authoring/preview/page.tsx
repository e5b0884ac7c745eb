import type { Metadata } from "next";
import { NotePreviewForm } from "@/components/authoring/note-preview-form";
import { formatBytes, MAX_NOTE_BYTES } from "@/lib/content/note-size";
import { PREVIEW_ROLES } from "@/server/authoring/preview-note";
import { requirePageRole } from "@/server/auth/page-guards";
import { previewNoteAction } from "./actions";

export const metadata: Metadata = { title: "Preview a note" };

/** For those who write or check notes: what the build would make of one, before it is committed. */
export default async function NotePreviewPage() {
  await requirePageRole("/authoring/preview", ...PREVIEW_ROLES);
  return (
    <div className="note-preview-page">
      <header className="page-header">
        <h1>Preview a note</h1>
        <p className="preview-intro">
          Paste a markdown note or upload a <code>.md</code> file to see its lesson, the quiz items
          it gives with the heading each owner came from, and every warning, as the content build
          would report them beside the lessons already here. Nothing is saved. A note may be up to{" "}
          {formatBytes(MAX_NOTE_BYTES)}.
        </p>
      </header>
      <NotePreviewForm action={previewNoteAction} />
    </div>
  );
}

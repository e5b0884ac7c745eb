"use server";

import { LessonArticle } from "@/components/lesson/lesson-article";
import type { NotePreviewState } from "@/lib/contracts/authoring";
import { previewNoteSchema } from "@/lib/validation/authoring";
import { previewNote, PREVIEW_ROLES } from "@/server/authoring/preview-note";
import { requireRole } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { actionFailure, formFields, parseForm } from "@/server/http/action";
import { currentRequestAddress } from "@/server/http/client-address";

/**
 * The preview page's form: the same server function as `POST /api/authoring/preview`, plus the
 * lesson, which only the server can compile and sanitise, rendered here as a lesson page renders
 * it. An action is a public endpoint: it checks the role itself.
 */
export async function previewNoteAction(
  _state: NotePreviewState,
  form: unknown,
): Promise<NotePreviewState> {
  try {
    const user = await requireRole(...PREVIEW_ROLES);
    const fields = formFields(form, "file", "source");
    const input = parseForm(previewNoteSchema, {
      file: fields.file ?? undefined,
      source: fields.source ?? undefined,
    });
    const { report, note, Content } = await previewNote(
      getDb(),
      user,
      input,
      await currentRequestAddress(),
    );
    const lesson = Content ? (
      <LessonArticle note={note} Content={Content} eyebrow="Lesson preview" />
    ) : null;
    return { ok: true, report, lesson };
  } catch (error) {
    return actionFailure(error);
  }
}

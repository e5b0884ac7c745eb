"use client";

import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { TextField } from "@/components/ui/text-field";
import type { NotePreviewState } from "@/lib/contracts/authoring";
import {
  formatBytes,
  MAX_NOTE_BYTES,
  noteBytes,
  noteSizeError,
  noteTooLargeMessage,
} from "@/lib/content/note-size";
import { DEFAULT_PREVIEW_FILE } from "@/lib/validation/authoring";
import { NotePreviewResults, previewSummary } from "./note-preview-results";

/**
 * The preview page's form: a file name, the note pasted or read from an uploaded file (in the
 * browser: the file itself is never sent), and the results below. A note over the size limit is
 * refused here, beside the text, before anything is sent; the server refuses it too.
 */
export function NotePreviewForm({
  action,
}: {
  action: (state: NotePreviewState, form: FormData) => Promise<NotePreviewState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [file, setFile] = useState("");
  const [source, setSource] = useState("");
  const [uploadError, setUploadError] = useState<string | null>(null);
  const sourceRef = useRef<HTMLTextAreaElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  const sizeError = useMemo(() => noteSizeError(source), [source]);
  const size = useMemo(() => formatBytes(noteBytes(source)), [source]);
  const failed = state && !state.ok ? state.error : null;
  const sourceErrors = [
    ...(sizeError ? [sizeError] : []),
    ...(uploadError ? [uploadError] : []),
    // The server's word on the note, unless the browser has just said the same about its size.
    ...(!sizeError ? (failed?.fields?.source ?? []) : []),
  ];
  const otherErrors = Object.entries(failed?.fields ?? {})
    .filter(([field]) => field !== "source" && field !== "file")
    .flatMap(([, messages]) => messages);

  // Results land below a long form: take keyboard and screen-reader users to them.
  useEffect(() => {
    if (state?.ok) resultsRef.current?.focus();
  }, [state]);

  async function readUpload(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_NOTE_BYTES) {
      setUploadError(`${chosen.name}: ${noteTooLargeMessage(chosen.size)}`);
      input.value = "";
      return;
    }
    try {
      setSource(await chosen.text());
      setFile(chosen.name);
      setUploadError(null);
    } catch {
      setUploadError(`${chosen.name} could not be read. Try again, or paste the note instead.`);
    }
  }

  return (
    <>
      <form
        action={formAction}
        className="form preview-form"
        noValidate
        onSubmit={(event) => {
          if (!sizeError) return;
          event.preventDefault();
          sourceRef.current?.focus();
        }}
      >
        <TextField
          id="file"
          label="File name (optional)"
          placeholder={DEFAULT_PREVIEW_FILE}
          autoComplete="off"
          spellCheck={false}
          value={file}
          onChange={(event) => setFile(event.target.value)}
          hint={
            <>
              The title comes from the note’s first <code>#</code> heading, else from this name.
              Name a lesson’s file to preview an edit of it in its place. Default:{" "}
              {DEFAULT_PREVIEW_FILE}.
            </>
          }
          errors={failed?.fields?.file}
        />
        <div className="field">
          <label htmlFor="upload">Upload a .md file (optional)</label>
          <input
            id="upload"
            type="file"
            accept=".md,text/markdown"
            aria-describedby="upload-hint"
            onChange={(event) => void readUpload(event.currentTarget)}
          />
          <p id="upload-hint" className="field-hint">
            Its text is put in the box below, where you can still change it.
          </p>
        </div>
        <div className="field">
          <label htmlFor="source">Note (markdown)</label>
          <textarea
            ref={sourceRef}
            id="source"
            name="source"
            rows={16}
            spellCheck={false}
            value={source}
            onChange={(event) => setSource(event.target.value)}
            aria-describedby="source-hint source-error"
            aria-invalid={sourceErrors.length > 0}
          />
          <p id="source-hint" className="field-hint">
            {size} of {formatBytes(MAX_NOTE_BYTES)}.
          </p>
          <FieldError
            id="source-error"
            messages={sourceErrors.length > 0 ? sourceErrors : undefined}
          />
        </div>
        <div className="preview-submit">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Previewing…" : "Preview"}
          </Button>
          <p aria-live="polite" role="status" className="preview-status">
            {pending ? "Building the preview…" : null}
            {!pending && state?.ok ? `Preview ready: ${previewSummary(state.report)}` : null}
          </p>
        </div>
        {failed && !failed.fields?.source && !failed.fields?.file ? (
          <div className="form-error" role="alert">
            <p>{failed.message}</p>
            {otherErrors.length > 0 ? <p>{otherErrors.join(" ")}</p> : null}
          </div>
        ) : null}
      </form>
      {state?.ok ? (
        <NotePreviewResults report={state.report} lesson={state.lesson} headingRef={resultsRef} />
      ) : null}
    </>
  );
}

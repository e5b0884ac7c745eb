"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import type { ErrorBody, FieldErrors } from "@/lib/contracts/errors";
import {
  REPORT_REASON_LABELS,
  REPORT_REASONS,
  type ReportReasonName,
} from "@/lib/contracts/reports";

type Status =
  | { state: "idle" }
  | { state: "sending" }
  | { state: "sent" }
  | { state: "failed"; message: string; fields: FieldErrors };

/**
 * "Report a problem" under a result: a disclosure with the three reasons and a comment (required
 * for "something else"), sent to `POST /api/items/<id>/reports` with the attempt, so that the report
 * names the wording the learner read. The API's own messages are shown when it refuses.
 */
export function ReportItem({
  itemId,
  attemptId,
  label,
}: {
  itemId: string;
  attemptId: string;
  /** The item as the learner saw it, for the control's accessible name. */
  label: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReasonName | null>(null);
  const [comment, setComment] = useState("");
  const [status, setStatus] = useState<Status>({ state: "idle" });

  if (status.state === "sent")
    return (
      <p className="report-sent" role="status">
        Thank you: your report on this item was sent to your instructors.
      </p>
    );

  async function send(event: FormEvent) {
    event.preventDefault();
    setStatus({ state: "sending" });
    try {
      const response = await fetch(`/api/items/${encodeURIComponent(itemId)}/reports`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          ...(reason ? { reason } : {}),
          ...(comment.trim() ? { comment } : {}),
          attemptId,
        }),
      });
      if (response.ok) {
        setStatus({ state: "sent" });
        return;
      }
      const body = (await response.json().catch(() => null)) as ErrorBody | null;
      setStatus({
        state: "failed",
        message: body?.error.message ?? "The report could not be sent. Try again.",
        fields: body?.error.fields ?? {},
      });
    } catch {
      setStatus({
        state: "failed",
        message: "The report could not be sent: check your connection and try again.",
        fields: {},
      });
    }
  }

  const fields = status.state === "failed" ? status.fields : {};
  return (
    <div className="report-item">
      <button
        type="button"
        className="report-toggle"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen(!open)}
      >
        Report a problem<span className="visually-hidden"> with “{label}”</span>
      </button>
      {open ? (
        <form
          id={`${id}-form`}
          className="form report-item-form"
          onSubmit={send}
          aria-label={`Report a problem with “${label}”`}
        >
          <fieldset aria-describedby={`${id}-reason-error`}>
            <legend>What is wrong with it?</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r} className="report-reason">
                <input
                  type="radio"
                  name={`${id}-reason`}
                  value={r}
                  checked={reason === r}
                  required
                  onChange={() => setReason(r)}
                />{" "}
                {REPORT_REASON_LABELS[r]}
              </label>
            ))}
          </fieldset>
          <FieldError id={`${id}-reason-error`} messages={fields.reason} />
          <div className="field">
            <label htmlFor={`${id}-comment`}>
              Comment{reason === "other" ? " (required)" : " (optional)"}
            </label>
            <textarea
              id={`${id}-comment`}
              rows={2}
              maxLength={1000}
              value={comment}
              aria-describedby={`${id}-comment-error`}
              onChange={(event) => setComment(event.target.value)}
            />
            <FieldError id={`${id}-comment-error`} messages={fields.comment} />
          </div>
          <div aria-live="polite" role="status">
            {status.state === "failed" ? <p className="form-error">{status.message}</p> : null}
          </div>
          <Button type="submit" disabled={status.state === "sending"}>
            {status.state === "sending" ? "Sending…" : "Send report"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

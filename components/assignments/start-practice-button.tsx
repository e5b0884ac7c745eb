"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ErrorBody } from "@/lib/contracts/errors";
import type { StartedPractice } from "@/lib/contracts/quiz";

/**
 * Starts one of the assignment's attempts (`POST /api/me/assignments/<id>/attempts`, which checks
 * that it is open and that an attempt is left) and opens it at /practice/<attemptId>, where every
 * practice test is taken.
 */
export function StartPracticeButton({ assignmentId }: { assignmentId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/me/assignments/${assignmentId}/attempts`, {
        method: "POST",
      });
      if (response.ok) {
        const { attemptId } = (await response.json()) as StartedPractice;
        router.push(`/practice/${attemptId}`);
        return;
      }
      const body = (await response.json().catch(() => null)) as ErrorBody | null;
      setError(body?.error.message ?? "The practice test could not be started. Try again.");
    } catch {
      setError("The server could not be reached. Try again.");
    }
    setPending(false);
  };
  return (
    <div>
      <Button variant="primary" size="large" onClick={start} disabled={pending}>
        {pending ? "Starting…" : "Start the practice test"}
      </Button>
      <div role="status" aria-live="polite">
        {error ? <p className="form-error">{error}</p> : null}
      </div>
    </div>
  );
}

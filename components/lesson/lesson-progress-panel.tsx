"use client";

import Link from "next/link";
import { useState } from "react";
import { MasteryIcon } from "@/components/ui/mastery-icon";
import { lessonHref } from "@/lib/content/slug";
import { useMyProgress } from "./use-my-progress";

/** Mark as read, best score and mastery for the signed-in learner, on a statically built lesson. */
export function LessonProgressPanel({ slug, hasQuiz }: { slug: string; hasQuiz: boolean }) {
  const { progress, refresh } = useMyProgress();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown at once when toggled; the server's answer then confirms or undoes it.
  const [optimisticRead, setOptimisticRead] = useState<boolean | null>(null);

  if (progress === undefined) return <div className="progress-panel" aria-hidden="true" />;
  if (progress === null) {
    return (
      <div className="progress-panel">
        <p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(lessonHref(slug))}`}>Sign in</Link>{" "}
          to track what you have read and your quiz scores.
        </p>
      </div>
    );
  }
  const read = optimisticRead ?? progress.lessons.find((l) => l.slug === slug)?.read ?? false;
  const quiz = progress.quizzes.find((q) => q.slug === slug);
  const level = progress.mastery.find((m) => m.noteSlug === slug)?.level;

  const toggleRead = async () => {
    setSaving(true);
    setError(null);
    setOptimisticRead(!read);
    const response = await fetch(`/api/me/lessons/${encodeURIComponent(slug)}/read`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ read: !read }),
    }).catch(() => null);
    setSaving(false);
    if (!response?.ok) {
      setOptimisticRead(read);
      setError("Could not save. Check your connection and try again.");
    }
    refresh();
  };

  return (
    <div className="progress-panel" aria-label="Your progress">
      <label className="read-toggle">
        <input type="checkbox" checked={read} disabled={saving} onChange={toggleRead} /> Mark as
        read
      </label>
      {hasQuiz && level ? <MasteryIcon level={level} /> : null}
      {hasQuiz ? (
        <span>
          {quiz?.bestScore != null
            ? `Best score ${quiz.bestScore}% over ${quiz.attempts} attempt${quiz.attempts === 1 ? "" : "s"}`
            : "Quiz not taken yet"}
        </span>
      ) : null}
      <span role="status" aria-live="polite" className="error-text">
        {error}
      </span>
    </div>
  );
}

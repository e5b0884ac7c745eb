"use client";

import { Icon } from "@/components/ui/icons";
import { MasteryIcon } from "@/components/ui/mastery-icon";
import { useMyProgress } from "./use-my-progress";

/** The learner's mastery of one note, on the lesson index; nothing when signed out. */
export function LessonMastery({ slug }: { slug: string }) {
  const { progress } = useMyProgress();
  const level = progress?.mastery.find((m) => m.noteSlug === slug)?.level;
  const read = progress?.lessons.find((l) => l.slug === slug)?.read;
  if (!progress) return null;
  return (
    <p className="lesson-card-progress">
      {level ? <MasteryIcon level={level} /> : null}
      {read ? (
        <span className="read-mark">
          <Icon name="check" /> Read
        </span>
      ) : null}
    </p>
  );
}

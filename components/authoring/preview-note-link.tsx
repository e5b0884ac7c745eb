"use client";

import Link from "next/link";
import { useSessionUser } from "@/components/layout/use-session-user";

/**
 * The way to the note preview from the lessons list, for those who teach: the list is a static
 * page, so this island reads the session. The page and its route check the role themselves.
 */
export function PreviewNoteLink() {
  const session = useSessionUser();
  if (session.status !== "signed-in" || session.user.role === "LEARNER") return null;
  return (
    <p>
      Writing a note? <Link href="/authoring/preview">Preview it</Link> as a lesson, with its quiz
      items and warnings, before it is added.
    </p>
  );
}

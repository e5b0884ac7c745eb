import type { Metadata } from "next";
import { PreviewNoteLink } from "@/components/authoring/preview-note-link";
import { LessonGroups, TagFilter } from "@/components/lesson/lesson-catalog";
import { OpenSearchButton } from "@/components/search/search-dialog";
import { catalogOf, groupLessons } from "@/lib/content/lesson-groups";
import { loadLibrary } from "@/server/content/load-library";

export const metadata: Metadata = { title: "Lessons" };

export default function LessonsPage() {
  const library = loadLibrary();
  const { lessons, tags } = catalogOf(library);
  const groups = groupLessons(lessons);
  return (
    <div className="lesson-index">
      <header className="page-header">
        <h1>Lessons</h1>
        <p>
          {lessons.length} lessons in {groups.length} groups, each listed once. <OpenSearchButton />
        </p>
        <PreviewNoteLink />
      </header>
      <TagFilter tags={tags} total={lessons.length} />
      <LessonGroups groups={groups} />
    </div>
  );
}

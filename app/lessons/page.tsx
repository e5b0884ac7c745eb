import type { Metadata } from "next";
import Link from "next/link";
import { LessonMastery } from "@/components/lesson/lesson-mastery";
import { OpenSearchButton } from "@/components/search/search-dialog";
import { lessonHref } from "@/lib/content/build-library";
import { loadLibrary } from "@/server/content/load-library";

export const metadata: Metadata = { title: "Lessons" };

export default function LessonsPage() {
  const library = loadLibrary();
  const untagged = library.notes.filter((note) => note.tags.length === 0);
  const groups: Array<[string, string[]]> = [...library.tags.entries()];
  if (untagged.length > 0) groups.push(["untagged", untagged.map((n) => n.slug)]);
  return (
    <div className="lesson-index">
      <header className="page-header">
        <h1>Lessons</h1>
        <p>
          {library.notes.length} lessons, grouped by tag. <OpenSearchButton />
        </p>
      </header>
      {groups.map(([tag, slugs]) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="tag-group">
          <h2 id={`tag-${tag}`}>
            <Link href={`/tags/${tag}`}>#{tag}</Link>
          </h2>
          <ul className="lesson-cards">
            {slugs.map((slug) => {
              const note = library.bySlug.get(slug);
              if (!note) return null;
              return (
                <li key={slug} className="lesson-card">
                  <Link href={lessonHref(slug)}>{note.title}</Link>
                  <p>{note.summary}</p>
                  <LessonMastery slug={slug} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

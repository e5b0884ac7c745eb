import Link from "next/link";
import { Icon } from "@/components/ui/icons";
import { lessonHref } from "@/lib/content/slug";
import type { CatalogEntry, LessonGroup } from "@/lib/content/lesson-groups";
import { LessonMastery } from "./lesson-mastery";

/**
 * Tag filters as links: /lessons is "All", each tag its /tags/<tag> page. Links work without
 * JavaScript and keep the filter in the address; the current one carries aria-current.
 */
export function TagFilter({
  tags,
  total,
  current,
}: {
  tags: Array<{ tag: string; count: number }>;
  total: number;
  current?: string;
}) {
  return (
    <nav className="tag-filter" aria-label="Filter lessons by tag">
      <ul>
        <li>
          <Link href="/lessons" className="chip" aria-current={current ? undefined : "page"}>
            All lessons <Count n={total} />
          </Link>
        </li>
        {tags.map(({ tag, count }) => (
          <li key={tag}>
            <Link
              href={`/tags/${encodeURIComponent(tag)}`}
              className="chip"
              aria-current={tag === current ? "page" : undefined}
            >
              #{tag} <Count n={count} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Count({ n }: { n: number }) {
  return (
    <span className="chip-count">
      <span className="visually-hidden">, </span>
      {n}
      <span className="visually-hidden"> {n === 1 ? "lesson" : "lessons"}</span>
    </span>
  );
}

/** Lessons under their group headings (h2), each lesson once, as a card titled with an h3. */
export function LessonGroups({ groups }: { groups: Array<LessonGroup<CatalogEntry>> }) {
  return groups.map((group) => {
    const id = `group-${group.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
    return (
      <section key={group.name} aria-labelledby={id} className="lesson-group">
        <h2 id={id}>{group.name}</h2>
        <ul className="lesson-cards">
          {group.notes.map((lesson) => (
            <li key={lesson.slug} className="lesson-card">
              <h3>
                <Link href={lessonHref(lesson.slug)}>{lesson.title}</Link>
              </h3>
              <p>{lesson.summary}</p>
              <p className="lesson-card-meta">
                <Icon name={lesson.quizItems > 0 ? "board" : "book"} />
                {lesson.quizItems > 0 ? `Quiz: ${lesson.quizItems} questions` : "Reading only"}
              </p>
              <LessonMastery slug={lesson.slug} />
            </li>
          ))}
        </ul>
      </section>
    );
  });
}

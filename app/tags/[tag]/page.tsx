import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonGroups, TagFilter } from "@/components/lesson/lesson-catalog";
import { catalogOf, groupLessons } from "@/lib/content/lesson-groups";
import { fromAddress } from "@/lib/content/slug";
import { loadLibrary } from "@/server/content/load-library";

export const dynamicParams = false;

export function generateStaticParams() {
  return [...loadLibrary().tags.keys()].map((tag) => ({ tag }));
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ tag: string }>;
}): Promise<Metadata> {
  const { tag } = await params;
  return { title: `#${fromAddress(tag)}` };
}

/** The lessons list filtered to one tag: the same groups and cards as /lessons. */
export default async function TagPage({ params }: { params: Promise<{ tag: string }> }) {
  const { tag: raw } = await params;
  const tag = fromAddress(raw).toLowerCase();
  const library = loadLibrary();
  const slugs = library.tags.get(tag);
  if (!slugs) notFound();
  const { lessons, tags } = catalogOf(library);
  const tagged = lessons.filter((lesson) => slugs.includes(lesson.slug));
  return (
    <div className="lesson-index">
      <header className="page-header">
        <p className="eyebrow">
          <Link href="/lessons">Lessons</Link> / tag
        </p>
        <h1>#{tag}</h1>
        <p>
          {tagged.length} {tagged.length === 1 ? "lesson" : "lessons"} with this tag.
        </p>
      </header>
      <TagFilter tags={tags} total={lessons.length} current={tag} />
      <LessonGroups groups={groupLessons(tagged)} />
    </div>
  );
}

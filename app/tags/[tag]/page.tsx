import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { lessonHref } from "@/lib/content/build-library";
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
  return { title: `#${decodeURIComponent(tag)}` };
}

export default async function TagPage({ params }: { params: Promise<{ tag: string }> }) {
  const { tag } = await params;
  const library = loadLibrary();
  const slugs = library.tags.get(decodeURIComponent(tag).toLowerCase());
  if (!slugs) notFound();
  return (
    <div>
      <header className="page-header">
        <p className="eyebrow">
          <Link href="/lessons">Lessons</Link> / tag
        </p>
        <h1>#{decodeURIComponent(tag)}</h1>
        <p>
          {slugs.length} {slugs.length === 1 ? "lesson" : "lessons"} with this tag.
        </p>
      </header>
      <ul className="lesson-cards">
        {slugs.map((slug) => {
          const note = library.bySlug.get(slug);
          return note ? (
            <li key={slug} className="lesson-card">
              <Link href={lessonHref(slug)}>{note.title}</Link>
              <p>{note.summary}</p>
            </li>
          ) : null;
        })}
      </ul>
    </div>
  );
}

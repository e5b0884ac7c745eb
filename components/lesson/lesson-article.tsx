import type { MDXContent } from "mdx/types";
import Link from "next/link";
import type { ReactNode } from "react";
import { lessonComponents } from "@/components/lesson/lesson-components";
import { StudyText, studyRevealCss } from "@/components/lesson/study-mode";
import { matrixRevealSection } from "@/lib/content/note-matrix";
import { matrixSectionAnchor, studyLabels } from "@/lib/content/sections";
import { serviceMatrixOf } from "@/lib/content/service-layers";
import type { ParsedNote } from "@/lib/content/types";

type LessonNote = Pick<
  ParsedNote,
  "slug" | "title" | "tags" | "headings" | "sectionOwners" | "items" | "matrices"
>;

/**
 * A note's lesson as learners read it: the table of contents (a sidebar, or a fold on a phone),
 * the title and tags, the study-mode switch with its reveal rules, and the compiled body
 * (lib/content/compile-lesson.ts). The author's preview shows a pasted note through it, so that
 * what an author sees is what the lesson page shows; the lesson page adds the reader's progress,
 * the incidents, the quiz, backlinks and the pager around the same parts.
 */
export function LessonArticle({
  note,
  Content,
  eyebrow,
  extraToc = [],
  beforeBody,
  children,
}: {
  note: LessonNote;
  Content: MDXContent;
  /** The line above the title: where the lesson sits. */
  eyebrow: ReactNode;
  /** Contents entries for sections after the body (the incidents). */
  extraToc?: Array<{ anchor: string; text: string; level: number }>;
  /** Between the contents and the body. */
  beforeBody?: ReactNode;
  /** After the body. */
  children?: ReactNode;
}) {
  const toc = [...note.headings.filter((h) => h.level <= 3), ...extraToc];
  const studyLabelOf = studyLabels(note.headings, note.sectionOwners);
  const matrixSection = serviceMatrixOf(note.items)
    ? matrixSectionAnchor(note.headings, note.sectionOwners)
    : undefined;
  const revealSections = [
    ...studyLabelOf.keys(),
    ...(matrixSection ? [matrixSection] : []),
    ...note.matrices.map(matrixRevealSection),
  ];
  const tocList = (
    <ol>
      {toc.map((h) => {
        const label = studyLabelOf.get(h.anchor);
        return (
          <li key={h.anchor} className={`toc-level-${h.level}`} data-reveal-by={label && h.anchor}>
            <a href={`#${h.anchor}`}>
              {label ? <StudyText real={h.text} neutral={label} /> : h.text}
            </a>
          </li>
        );
      })}
    </ol>
  );

  return (
    <div className="lesson-layout">
      {revealSections.length > 0 ? (
        <style href={`study-reveal-${note.slug}`} precedence="lesson">
          {studyRevealCss(revealSections)}
        </style>
      ) : null}
      {/* A sidebar on wide screens; on a phone the folding copy after the title takes its place. */}
      <nav className="toc toc-sidebar" aria-label="On this page">
        <p className="toc-title">On this page</p>
        {tocList}
      </nav>
      <article className="lesson">
        <header className="lesson-header">
          <p className="eyebrow">{eyebrow}</p>
          <h1>{note.title}</h1>
          <ul className="tags" aria-label="Tags">
            {note.tags.map((tag) => (
              <li key={tag}>
                <Link href={`/tags/${encodeURIComponent(tag)}`}>#{tag}</Link>
              </li>
            ))}
          </ul>
          {revealSections.length > 0 ? (
            <p className="study-mode">
              <input type="checkbox" id="study-mode" />
              <label htmlFor="study-mode">
                <strong>Study mode</strong>: hide who owns what, to test myself. Hover or focus a
                card to check it, or reveal a whole section.
              </label>
            </p>
          ) : null}
        </header>
        {toc.length > 0 ? (
          <details className="toc-fold">
            <summary>On this page</summary>
            <nav aria-label="On this page">{tocList}</nav>
          </details>
        ) : null}
        {beforeBody}
        <div className="lesson-body">
          <Content components={lessonComponents} />
        </div>
        {children}
      </article>
    </div>
  );
}

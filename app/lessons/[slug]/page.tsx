import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { LessonArticle } from "@/components/lesson/lesson-article";
import { LessonProgressPanel } from "@/components/lesson/lesson-progress-panel";
import { LessonQuizItems } from "@/components/lesson/lesson-quiz-items";
import { LessonScenarios, SCENARIOS_HEADING_ID } from "@/components/lesson/lesson-scenarios";
import { ButtonLink } from "@/components/ui/button";
import { lessonScenarios } from "@/lib/content/build-library";
import { compileLesson } from "@/lib/content/compile-lesson";
import { fromAddress, lessonHref, quizHref } from "@/lib/content/slug";
import { loadLibrary, reportContentErrors } from "@/server/content/load-library";

export const dynamicParams = false;

export function generateStaticParams() {
  const library = loadLibrary();
  // Once per build: a note with errors is left out and named here, and the other lessons build.
  reportContentErrors(library);
  // A renamed lesson's old address is a page too: it answers with a 308 to the new one.
  return [
    ...library.notes.map((note) => ({ slug: note.slug })),
    ...[...library.formerSlugs.keys()].map((slug) => ({ slug })),
  ];
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  const slug = fromAddress((await params).slug);
  const note = loadLibrary().bySlug.get(slug);
  return note ? { title: note.title, description: note.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = fromAddress((await params).slug);
  const library = loadLibrary();
  const note = library.bySlug.get(slug);
  const renamed = library.formerSlugs.get(slug);
  if (!note && renamed) permanentRedirect(lessonHref(renamed));
  if (!note) notFound();

  const Content = await compileLesson(note.body, {
    note,
    resolve: (link) => library.resolve(link, note),
  });
  const position = library.notes.indexOf(note);
  const previous = library.notes[position - 1];
  const next = library.notes[position + 1];
  const backlinks = (library.backlinks.get(slug) ?? []).flatMap(
    (from) => library.bySlug.get(from) ?? [],
  );
  const scenarios = lessonScenarios(library, slug);
  const hasQuiz = note.items.length > 0;

  return (
    <LessonArticle
      note={note}
      Content={Content}
      eyebrow={<Link href="/lessons">Lessons</Link>}
      extraToc={
        scenarios.length > 0
          ? [{ anchor: SCENARIOS_HEADING_ID, text: "Incidents to think through", level: 2 }]
          : []
      }
      beforeBody={<LessonProgressPanel slug={slug} hasQuiz={hasQuiz} />}
    >
      <LessonScenarios scenarios={scenarios} />
      {hasQuiz ? (
        <section className="quiz-cta" aria-labelledby="quiz-cta-heading">
          <h2 id="quiz-cta-heading">Check yourself</h2>
          <p>
            {scenarios.length > 0
              ? `Answer the ${note.items.length} questions from this lesson: who owns each control, ` +
                "and for each incident, whose failure it was and which control failed."
              : `Sort the ${note.items.length} controls from this lesson into AWS, Customer and Shared.`}{" "}
            Grading explains every answer.
          </p>
          <ButtonLink variant="primary" href={quizHref(slug)}>
            Take the quiz
          </ButtonLink>
          <LessonQuizItems slug={slug} count={note.items.length} />
        </section>
      ) : null}
      <section className="backlinks" aria-labelledby="backlinks-heading">
        <h2 id="backlinks-heading">Linked from</h2>
        {backlinks.length > 0 ? (
          <ul>
            {backlinks.map((from) => (
              <li key={from.slug}>
                <Link href={lessonHref(from.slug)}>{from.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>No other lesson links here yet.</p>
        )}
      </section>
      <nav className="pager" aria-label="Previous and next lesson">
        {previous ? (
          <Link rel="prev" href={lessonHref(previous.slug)}>
            <span className="pager-label">Previous</span> {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link rel="next" href={lessonHref(next.slug)}>
            <span className="pager-label">Next</span> {next.title}
          </Link>
        ) : null}
      </nav>
    </LessonArticle>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AnswersWithheld } from "@/components/quiz/answers-withheld";
import { QuizResults } from "@/components/quiz/quiz-results";
import { QuizSession } from "@/components/quiz/quiz-session";
import { ActionForm } from "@/components/ui/action-form";
import { lessonHref, quizHref } from "@/lib/content/slug";
import { isCardKind, type QuizItem } from "@/lib/contracts/quiz";
import { attemptQuerySchema, slugParamSchema } from "@/lib/validation/quiz";
import { isWithheld } from "@/lib/quiz/review-options";
import { orNotFound, requirePageUser } from "@/server/auth/page-guards";
import { requestTime } from "@/server/clock";
import { loadLibrary } from "@/server/content/load-library";
import { getDb } from "@/server/db/client";
import { findCurrentQuizAttempt } from "@/server/quiz/find-quiz-attempt";
import { getAttempt } from "@/server/quiz/get-attempt";
import { getQuiz } from "@/server/quiz/get-quiz";
import { countReviewOffer } from "@/server/quiz/start-review";
import { startQuizAction } from "./actions";

export const metadata: Metadata = { title: "Quiz" };

/** What a quiz asks besides sorting cards, in a sentence; empty when it only sorts cards. */
/** What this quiz asks, kind by kind, in the order the session shows them. */
function whatItAsks(items: Array<Pick<QuizItem, "kind">>, detailed: boolean): string {
  const kinds = new Set(items.map((item) => item.kind));
  const parts = [
    [...kinds].some(isCardKind)
      ? detailed
        ? "sort each control into AWS, Customer or Shared: one card at a time with three big buttons, or on the whole board by dragging the cards into columns"
        : "sort each control into AWS, Customer or Shared"
      : null,
    kinds.has("matrix") ? "set who owns each cell of a grid: one service per column" : null,
    kinds.has("split") ? "pick each side's half of a Shared control" : null,
    kinds.has("scenario") ? "say whose failure an incident was, and which control failed" : null,
  ].filter((part): part is string => part !== null);
  const text =
    parts.length > 1 ? `${parts.slice(0, -1).join("; ")}; then ${parts.at(-1)}` : parts[0];
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : "";
}

/**
 * The quiz on one note. Rendering only reads: with no attempt open it shows the intro, or the latest
 * results, and a button that starts an attempt by POST (./actions.ts). `?attempt=<id>` shows that
 * attempt: where the board sends the learner once it is submitted.
 */
export default async function QuizPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const slug = slugParamSchema.safeParse((await params).slug);
  const query = attemptQuerySchema.safeParse(await searchParams);
  if (!slug.success || !query.success) notFound();
  const requested = query.data.attempt;
  const attemptQuery = requested ? `?attempt=${requested}` : "";
  // A renamed lesson's quiz lives at its new slug too (frontmatter formerSlugs).
  const renamed = loadLibrary().formerSlugs.get(slug.data);
  if (renamed) permanentRedirect(`${quizHref(renamed)}${attemptQuery}`);
  const path = `${quizHref(slug.data)}${attemptQuery}`;
  const user = await requirePageUser(path);

  const db = getDb();
  const quiz = await orNotFound(getQuiz(db, slug.data));
  const attemptId = requested ?? (await findCurrentQuizAttempt(db, user.id, slug.data))?.id;
  const attempt = attemptId
    ? await orNotFound(getAttempt(db, user.id, attemptId, new Date(), await requestTime()))
    : null;
  if (attempt && (attempt.kind !== "quiz" || attempt.noteSlug !== quiz.slug)) notFound();
  const lesson = lessonHref(quiz.slug);
  const reviewCount = attempt?.result ? await countReviewOffer(db, user.id) : 0;

  const startForm = (label: string) => (
    <ActionForm
      action={startQuizAction}
      submitLabel={label}
      pendingLabel="Starting…"
      className="inline-form"
      variant={attempt ? "secondary" : "primary"}
    >
      <input type="hidden" name="slug" value={quiz.slug} />
    </ActionForm>
  );

  return (
    <div>
      <header className="page-header quiz-header">
        <p className="eyebrow">
          <Link href={lesson}>{quiz.title}</Link> / quiz
        </p>
        <h1>Who owns it? {quiz.title}</h1>
        {!attempt ? (
          <p>
            {quiz.items.length} questions from the lesson. {whatItAsks(quiz.items, true)} Your
            answers save as you go; you see what you missed, and why, when you submit.
          </p>
        ) : attempt.result ? null : (
          <p>
            {whatItAsks(attempt.items, false)} Your answers save as you go
            {attempt.answers.some((a) => a.choice ?? a.option)
              ? "; you are picking up where you left off"
              : ""}
            .
          </p>
        )}
      </header>
      {!attempt ? (
        startForm("Start quiz")
      ) : attempt.result && isWithheld(attempt.result) ? (
        <AnswersWithheld attemptId={attempt.id} result={attempt.result} items={attempt.items}>
          {startForm("Try again")}
        </AnswersWithheld>
      ) : attempt.result ? (
        <QuizResults
          attemptId={attempt.id}
          title={quiz.title}
          result={attempt.result}
          sections={attempt.sections ?? []}
          items={attempt.items}
          lessonHref={lesson}
          reviewCount={reviewCount}
        >
          {startForm("Try again")}
        </QuizResults>
      ) : (
        <QuizSession
          key={attempt.id}
          attemptId={attempt.id}
          // One note: its title on every card would say nothing.
          items={attempt.items.map((item) => ({ ...item, noteTitle: undefined }))}
          initialAnswers={attempt.answers}
          resultsHref={`${quizHref(quiz.slug)}?attempt=${attempt.id}`}
        />
      )}
    </div>
  );
}

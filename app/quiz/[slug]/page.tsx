import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { QuizBoard } from "@/components/quiz/quiz-board";
import { lessonHref } from "@/lib/content/build-library";
import { slugParamSchema } from "@/lib/validation/quiz";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { getAttempt } from "@/server/quiz/get-attempt";
import { getQuiz } from "@/server/quiz/get-quiz";
import { findOpenQuizAttempt, startQuizAttempt } from "@/server/quiz/start-attempt";
import { HttpError } from "@/server/http/errors";

export const metadata: Metadata = { title: "Quiz" };

export default async function QuizPage({ params }: { params: Promise<{ slug: string }> }) {
  const parsed = slugParamSchema.safeParse((await params).slug);
  if (!parsed.success) notFound();
  const slug = parsed.data;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/quiz/${slug}`)}`);

  const db = getDb();
  const quiz = await getQuiz(db, slug).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  // Resume the attempt left unfinished, days later included; otherwise start one.
  const open = await findOpenQuizAttempt(db, user.id, slug);
  const attemptId = open?.id ?? (await startQuizAttempt(db, user.id, slug)).attemptId;
  const attempt = await getAttempt(db, user.id, attemptId);

  return (
    <div>
      <header className="page-header">
        <p className="eyebrow">
          <Link href={lessonHref(slug)}>{quiz.title}</Link> / quiz
        </p>
        <h1>Who owns it? {quiz.title}</h1>
        <p>
          Sort each control into AWS, Customer or Shared. Your answers save as you go
          {open ? "; you are picking up where you left off" : ""}.
        </p>
      </header>
      <QuizBoard
        attemptId={attempt.id}
        title={quiz.title}
        items={attempt.items}
        initialAnswers={attempt.answers}
        lessonHref={lessonHref(slug)}
      />
    </div>
  );
}

import Link from "next/link";
import { MyAssignments } from "@/components/assignments/my-assignments";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { OwnerBadge } from "@/components/ui/owner-badge";
import { lessonHref, quizHref } from "@/lib/content/slug";
import type { CurrentUser } from "@/lib/contracts/session";
import { getCurrentUser } from "@/server/auth/current-user";
import { loadLibrary } from "@/server/content/load-library";
import { getDb } from "@/server/db/client";
import { getHomeSummary, type LessonRef } from "@/server/progress/get-home-summary";
import { listMyAssignments } from "@/server/assignments/list-assignments";
import { requestTime } from "@/server/clock";
import { listMyTeams } from "@/server/teams/list-teams";

/** The lesson every newcomer starts with. */
const FIRST_SLUG = "aws-shared-responsibility-model";

/**
 * Rendered per request: the session decides between the newcomer's page and the learner's. A visitor
 * without a session cookie costs no database query (getCurrentUser returns before it reads).
 */
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<{ deleted?: string | string[] }>;
}) {
  // Where a deleted account's browser lands once signed out (components/account/delete-account-form).
  const deleted = (await searchParams).deleted === "1";
  const library = loadLibrary();
  // The order a newcomer should read in: the AWS model first, then the library's reading order.
  const lessons: LessonRef[] = [...library.notes]
    .sort((a, b) => Number(b.slug === FIRST_SLUG) - Number(a.slug === FIRST_SLUG))
    .map(({ slug, title, summary }) => ({ slug, title, summary }));
  const user = await getCurrentUser();
  if (user) return <LearnerHome user={user} lessons={lessons} />;
  return (
    <>
      {deleted ? (
        <p className="callout" role="status">
          Your account is deleted and you are signed out. Your answers stay, without your name, in
          the question statistics.
        </p>
      ) : null}
      <NewcomerHome first={lessons[0]} lessonCount={lessons.length} />
    </>
  );
}

function NewcomerHome({ first, lessonCount }: { first?: LessonRef; lessonCount: number }) {
  return (
    <div className="home">
      <section className="hero">
        <h1>Who secures what in the cloud?</h1>
        <p className="lede">
          AWS secures the cloud. You secure what you put in it. Read short lessons, then prove you
          can sort each control to AWS, the customer, or both — and keep it with spaced review.
        </p>
        <p className="actions">
          {/* Back here after signing up: the learner's home then points to the first lesson. */}
          <ButtonLink variant="primary" size="large" href="/signup?callbackUrl=%2F">
            Create an account
          </ButtonLink>
          {first ? (
            <ButtonLink size="large" href={lessonHref(first.slug)}>
              <Icon name="book" /> Start with the AWS model
            </ButtonLink>
          ) : null}
        </p>
        <p className="hero-more">
          An account keeps your quiz scores and your review schedule. No account is needed to read.{" "}
          <Link href="/lessons">Browse all {lessonCount} lessons</Link>
        </p>
      </section>
      <section aria-labelledby="owners-heading" className="home-owners">
        <h2 id="owners-heading">Three owners</h2>
        <ul className="owner-cards">
          <li>
            <OwnerBadge owner="AWS" />
            <p>Security of the cloud: data centres, hardware, the hypervisor, managed services.</p>
          </li>
          <li>
            <OwnerBadge owner="CUSTOMER" />
            <p>Security in the cloud: your data, identities, guest operating systems, settings.</p>
          </li>
          <li>
            <OwnerBadge owner="SHARED" />
            <p>Both, each in their own layer: patching, configuration, awareness and training.</p>
          </li>
        </ul>
      </section>
      <section aria-labelledby="how-heading" className="how">
        <h2 id="how-heading">How it works</h2>
        <ol className="how-steps">
          <li>
            <Icon name="book" size="1.5em" />
            <div>
              <h3>Read</h3>
              <p>
                A short lesson. Each control carries its owner; study mode hides it so that you can
                guess first.
              </p>
            </div>
          </li>
          <li>
            <Icon name="board" size="1.5em" />
            <div>
              <h3>Sort</h3>
              <p>
                The controls into AWS, Customer and Shared. The server grades and explains each one.
              </p>
            </div>
          </li>
          <li>
            <Icon name="clock" size="1.5em" />
            <div>
              <h3>Review</h3>
              <p>What you missed, when it comes due, until you have mastered the lesson.</p>
            </div>
          </li>
        </ol>
      </section>
    </div>
  );
}

async function LearnerHome({ user, lessons }: { user: CurrentUser; lessons: LessonRef[] }) {
  const db = getDb();
  const [summary, assigned, teams] = await Promise.all([
    getHomeSummary(db, user.id, lessons),
    listMyAssignments(db, user.id, await requestTime()),
    listMyTeams(db, user),
  ]);
  const { resume, due, next } = summary;
  return (
    <div className="home">
      <header className="page-header">
        <h1>
          {resume ? "Welcome back" : "Welcome"}, {user.name}
        </h1>
        <p className="lede">
          You have read {summary.read} of {summary.total} lessons.
        </p>
      </header>
      {/* Only a learner with work assigned sees the section: the home page stays short otherwise. */}
      {assigned.length > 0 ? (
        <MyAssignments
          assignments={assigned}
          teamNames={new Map(teams.map((t) => [t.id, t.name]))}
        />
      ) : null}
      <ul className="home-cards">
        <li className="home-card">
          <h2>Continue where you left off</h2>
          {resume?.kind === "quiz" ? (
            <>
              <p>
                {resume.status === "in-progress"
                  ? "Your quiz is waiting, answers saved."
                  : `Your last quiz: ${resume.score} right.`}
              </p>
              <ButtonLink variant="primary" href={quizHref(resume.lesson.slug)}>
                {resume.status === "in-progress" ? "Resume" : "Open"} the quiz:{" "}
                {resume.lesson.title}
              </ButtonLink>
            </>
          ) : resume?.kind === "lesson" ? (
            <>
              <p>You last read this lesson. Its quiz checks what stayed.</p>
              <ButtonLink variant="primary" href={lessonHref(resume.lesson.slug)}>
                Back to {resume.lesson.title}
              </ButtonLink>
            </>
          ) : (
            <p>
              You have not opened a quiz or finished a lesson yet: the next lesson is the place to
              start.
            </p>
          )}
        </li>
        <li className="home-card">
          <h2>Reviews due</h2>
          <p className="home-count">
            <Icon name="clock" /> {due === 0 ? "None due" : `${due} item${due === 1 ? "" : "s"}`}
          </p>
          <p>
            {due === 0
              ? "Items you answer come back here when they are due."
              : "A few minutes now keeps them for weeks."}
          </p>
          <ButtonLink href="/review">{due === 0 ? "Open review" : "Review now"}</ButtonLink>
        </li>
        <li className="home-card">
          <h2>Next lesson</h2>
          {next ? (
            <>
              <p className="home-summary">{next.summary}</p>
              <ButtonLink variant={resume ? "secondary" : "primary"} href={lessonHref(next.slug)}>
                <Icon name="book" /> Read {next.title}
              </ButtonLink>
            </>
          ) : (
            <>
              <p>You have read every lesson. Your progress shows what to practise.</p>
              <ButtonLink href="/progress">See your progress</ButtonLink>
            </>
          )}
        </li>
      </ul>
      <p>
        <Link href="/lessons">Browse all {summary.total} lessons</Link>
      </p>
    </div>
  );
}

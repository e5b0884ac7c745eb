import Link from "next/link";
import { lessonHref } from "@/lib/content/build-library";
import { loadLibrary } from "@/server/content/load-library";

export default function HomePage() {
  const library = loadLibrary();
  const start = library.bySlug.get("aws-shared-responsibility-model") ?? library.notes[0];
  return (
    <div className="home">
      <section className="hero">
        <h1>Who secures what in the cloud?</h1>
        <p className="lede">
          AWS secures the cloud. You secure what you put in it. Read short lessons, then prove you
          can sort each control to AWS, the customer, or both — and keep it with spaced review.
        </p>
        <p className="actions">
          {start ? (
            <Link className="button primary" href={lessonHref(start.slug)}>
              Start with {start.title}
            </Link>
          ) : null}
          <Link className="button" href="/lessons">
            Browse all {library.notes.length} lessons
          </Link>
        </p>
      </section>
      <section aria-labelledby="how-heading" className="how">
        <h2 id="how-heading">How it works</h2>
        <ol>
          <li>
            <strong>Read</strong> a lesson. Each control carries its owner; study mode hides it so
            you can guess first.
          </li>
          <li>
            <strong>Sort</strong> the controls into AWS, Customer and Shared. The server grades and
            explains each one.
          </li>
          <li>
            <strong>Review</strong> what you missed when it comes due, until you have mastered the
            note.
          </li>
        </ol>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { PracticeForm } from "@/components/practice/practice-form";
import { requirePageUser } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { findOpenPractice } from "@/server/practice/find-open-practice";
import { getPracticeOptions } from "@/server/practice/get-practice-options";
import { startPracticeAction } from "./actions";

export const metadata: Metadata = { title: "Practice test" };

/**
 * A practice test across lessons: pick lessons, kinds, size and a time limit. Rendering only reads;
 * the form's action starts the test (./actions.ts) and opens it at /practice/<attemptId>.
 */
export default async function PracticePage() {
  const user = await requirePageUser("/practice");
  const db = getDb();
  const [options, open] = await Promise.all([
    getPracticeOptions(db),
    findOpenPractice(db, user.id),
  ]);
  return (
    <div className="practice-page">
      <header className="page-header">
        <h1>Practice test</h1>
        <p>
          Questions drawn from the lessons you pick, mixed. A retake draws questions you have not
          had before first. You see your score by lesson and by kind of question at the end.
        </p>
      </header>
      {open.length > 0 ? (
        <section className="practice-open" aria-labelledby="open-heading">
          <h2 id="open-heading">Still open</h2>
          <ul>
            {open.map((attempt) => (
              <li key={attempt.id}>
                <Link href={`/practice/${attempt.id}`}>
                  Resume the practice test started{" "}
                  <LocalTime iso={attempt.createdAt.toISOString()} />
                </Link>
                {attempt.expiresAt ? (
                  <>
                    {" "}
                    (time limit ends <LocalTime iso={attempt.expiresAt.toISOString()} />)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 className="visually-hidden">New practice test</h2>
      <PracticeForm options={options} action={startPracticeAction} />
    </div>
  );
}

import type { ReactNode } from "react";
import { Icon } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { OwnerBadge } from "@/components/ui/owner-badge";
import type { AttemptItem, WithheldGrade } from "@/lib/contracts/quiz";
import { ResultsHeading } from "./results-heading";
import { ScoreCard } from "./score-card";

/** What the learner answered, in their own words: no verdict, no right answer. */
function GivenAnswer({
  answer,
  item,
}: {
  answer: WithheldGrade["results"][number];
  item: AttemptItem | undefined;
}) {
  if (answer.option !== null) {
    const text = item?.options.find((o) => o.key === answer.option)?.text;
    return (
      <p>
        <span className="result-label">You picked:</span> {text ? <q>{text}</q> : "nothing"}
      </p>
    );
  }
  return (
    <p className="result-owners">
      You chose {answer.choice ? <OwnerBadge owner={answer.choice} /> : "nothing"}
    </p>
  );
}

/**
 * A submitted attempt whose assignment withholds the answers for now, or for good: the score and the
 * learner's own answers, with when the right answers and explanations will show, if ever.
 */
export function AnswersWithheld({
  attemptId,
  result,
  items,
  children,
}: {
  attemptId: string;
  result: WithheldGrade;
  items: AttemptItem[];
  /** What to do next, such as a link back. */
  children?: ReactNode;
}) {
  const itemById = new Map(items.map((item) => [item.id, item]));
  const { shownFrom } = result.review;
  return (
    <section className="quiz-results" aria-labelledby="results-heading">
      <ResultsHeading attemptId={attemptId} />
      <ScoreCard score={result.score} />
      <p className="callout answers-withheld">
        <Icon name={shownFrom ? "clock" : "flag"} />{" "}
        {shownFrom ? (
          <>
            Answers and explanations are shown after <LocalTime iso={shownFrom} />.
          </>
        ) : (
          "Your instructor does not show the answers for this test."
        )}
      </p>
      <h3>Your answers ({result.results.length})</h3>
      <ol className="results">
        {result.results.map((answer) => (
          <li key={answer.itemId} className="result result-given">
            <p className="result-prompt">{itemById.get(answer.itemId)?.prompt}</p>
            <GivenAnswer answer={answer} item={itemById.get(answer.itemId)} />
            {answer.confidence ? (
              <p className="result-confidence">You said {answer.confidence}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}

import Link from "next/link";
import { OwnerBadge } from "@/components/ui/owner-badge";
import { lessonHref } from "@/lib/content/slug";
import { scenarioAnchor, type Scenario } from "@/lib/content/scenarios";

export const SCENARIOS_HEADING_ID = "incidents-to-think-through";

const paragraphs = (text: string) => text.split("\n\n");

/** `…/userguide/access-control-block-public-access.html` -> `access control block public access`. */
/**
 * The incident stories this lesson's quiz asks about. The answer (whose failure, which control)
 * stays folded in a native <details> until the reader has thought it through.
 */
export function LessonScenarios({ scenarios }: { scenarios: Scenario[] }) {
  if (scenarios.length === 0) return null;
  return (
    <section className="scenarios" aria-labelledby={SCENARIOS_HEADING_ID}>
      <h2 id={SCENARIOS_HEADING_ID}>Incidents to think through</h2>
      <ol className="scenario-list">
        {scenarios.map((scenario) => (
          <li key={scenario.id} id={scenarioAnchor(scenario.id)} className="scenario">
            <h3>{scenario.title}</h3>
            {paragraphs(scenario.story).map((text, i) => (
              <p key={i}>{text}</p>
            ))}
            <details className="scenario-answer">
              <summary>Whose failure, and which control?</summary>
              <p className="scenario-owner">
                Whose failure: <OwnerBadge owner={scenario.owner} />
              </p>
              <p className="scenario-control">
                Failed control: <strong>{scenario.control}</strong>
              </p>
              {paragraphs(scenario.explanation).map((text, i) => (
                <p key={i}>{text}</p>
              ))}
              <p className="scenario-notes">
                Notes involved:{" "}
                {scenario.notes.map((note, i) => (
                  <span key={note.slug}>
                    {i > 0 ? ", " : null}
                    <Link href={lessonHref(note.slug)}>{note.title}</Link>
                  </span>
                ))}
              </p>
              <p className="scenario-sources">
                AWS documentation:{" "}
                {scenario.sources.map((source, i) => (
                  <span key={source.url}>
                    {i > 0 ? ", " : null}
                    <a href={source.url} rel="noreferrer">
                      {source.title}
                    </a>
                  </span>
                ))}
              </p>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { Library } from "./build-library";
import type { ContentProblem, ExtractedItem } from "./types";

/**
 * The content this repository ships is curated: held to rules that a vault of someone else's
 * notes only gets warnings for. A content root is curated when it holds this marker file (so it
 * travels with the content: an organisation that replaces `content/` with its own vault drops it).
 *
 * In curated content, content:check makes an error of
 * - every warning marked `strict` (an owner leak: a term, description, statement or story that says
 *   who owns the control before the learner answers; a source that is not AWS documentation);
 * - every quiz item without a source, the AWS page that backs its owner.
 */
export const CURATED_MARKER = ".curated";

export interface CitationCount {
  items: number;
  cited: number;
  uncited: Array<{ file: string; line: number; item: ExtractedItem }>;
}

/** How many quiz items cite the AWS page that backs their owner, and where the others are. */
export function countCitations(library: Pick<Library, "notes" | "scenarios">): CitationCount {
  const scenarioFiles = new Map(library.scenarios.map((s) => [`scenario-${s.id}`, s.file]));
  const uncited: CitationCount["uncited"] = [];
  let items = 0;
  for (const note of library.notes) {
    for (const item of note.items) {
      items++;
      if (item.citation) continue;
      uncited.push({ file: scenarioFiles.get(item.anchor) ?? note.file, line: item.line, item });
    }
  }
  return { items, cited: items - uncited.length, uncited };
}

/** The problems as curated content is held to them: strict warnings and uncited items are errors. */
export function curatedProblems(problems: ContentProblem[], citations: CitationCount): ContentProblem[] {
  const strict = problems.map((problem) =>
    problem.strict && problem.severity === "warning" ? { ...problem, severity: "error" as const } : problem,
  );
  const uncited = citations.uncited.map(({ file, line, item }) => ({
    file,
    line,
    severity: "error" as const,
    message: `quiz item "${item.prompt}" cites no AWS page for its owner: add a nested "Source: [Page title](https://docs.aws.amazon.com/…)" line`,
  }));
  return [...strict, ...uncited];
}

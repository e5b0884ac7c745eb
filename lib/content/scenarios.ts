import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { z } from "zod";
import { checkAwsSource, readMarkdownLink } from "./control-extras";
import { optionKey, toOptions } from "./options";
import { describeLeaks, findOwnerLeaks } from "./owner-leak";
import { inlineText } from "./parse-note";
import { slugify } from "./slug";
import type { Citation, ContentProblem, ExtractedItem, Owner, ParsedNote } from "./types";

/**
 * Incident scenarios: one markdown file per story under `scenarios/` in the content root. The
 * frontmatter names the notes involved, whose failure it was, the control that failed and the other
 * controls offered; the body is the story, then `## Explanation`. Each scenario becomes two quiz items
 * of its first note. See README, "How notes become lessons".
 */

/** The folder, relative to the content root, that holds scenarios instead of notes. */
export const SCENARIO_FOLDER = "scenarios";

/** Whether a content file (path relative to the content root, `/`-separated) is a scenario. */
export function isScenarioFile(file: string): boolean {
  return file.toLowerCase().startsWith(`${SCENARIO_FOLDER}/`) && /\.mdx?$/i.test(file);
}

export function scenarioAnchor(id: string): string {
  return `scenario-${id}`;
}

/** The owner words a scenario may name, exactly one of them. */
const OWNER_WORDS: Record<string, Owner> = { aws: "AWS", customer: "CUSTOMER", shared: "SHARED" };


const text = z.string().trim().min(1, "must not be empty");

const frontmatterSchema = z.strictObject({
  title: text,
  notes: z
    .union([text.transform((note) => [note]), z.array(text).min(1, "names no note")])
    // `"[[Amazon S3]]"` is how Obsidian writes a link in frontmatter; it names the same note.
    .transform((notes) => notes.map((note) => note.replace(/^\[\[(.*)\]\]$/, "$1").trim())),
  owner: z
    .string()
    .trim()
    .refine((owner) => owner.toLowerCase() in OWNER_WORDS, {
      message: "must be exactly one of AWS, Customer or Shared",
    }),
  control: text,
  distractors: z
    .array(text)
    .min(2, "needs 2 or 3 other controls")
    .max(3, "needs 2 or 3 other controls"),
  sources: z
    .array(
      z
        .string()
        .transform(readSource)
        .superRefine((source, ctx) => {
          const checked = checkAwsSource(source.url);
          if (!checked.ok) ctx.addIssue({ code: "custom", message: `is not a source: ${checked.why}` });
        }),
    )
    .min(1, "names no AWS documentation page"),
  /**
   * The control of the first note this incident is about, by its term: its owner there must be the
   * scenario's owner (build-library.ts checks it with every other place that names the control).
   */
  term: text.optional(),
});


/**
 * A source as written: a bare URL, or a markdown link `[Page title](https://…)`. A bare URL is
 * titled by its page's file name ("restricted-ssh.html" → "Restricted ssh"), so the learner sees
 * which page it is before following it.
 */
function readSource(value: string): Citation {
  const trimmed = value.trim();
  const link = readMarkdownLink(trimmed);
  if (link) return link;
  const page = trimmed.replace(/[?#].*$/, "").replace(/\/+$/, "").split("/").pop() ?? "";
  const words = page.replace(/\.html?$/i, "").replace(/[-_]+/g, " ").trim();
  return { title: words ? words[0].toUpperCase() + words.slice(1) : "AWS documentation", url: trimmed };
}

export interface ScenarioSource {
  /** Path relative to the content root, for messages. */
  file: string;
  source: string;
}

export interface ParsedScenario {
  file: string;
  /** The file name's slug. */
  id: string;
  /** The line the frontmatter starts on. */
  line: number;
  title: string;
  /** The notes as the author named them (titles or aliases); the first one's quiz asks it. */
  notes: string[];
  /** The line each note is named on, where a note the library lacks is reported. */
  noteLines: number[];
  owner: Owner;
  control: string;
  distractors: string[];
  sources: Citation[];
  /** The first note's control this incident is about, when the author names it, and its line. */
  term?: string;
  termLine?: number;
  /** Plain text; paragraphs separated by a blank line. */
  story: string;
  explanation: string;
  /** Whether its title, story or choices name an owner: such a scenario is shown but never asked. */
  leaks: boolean;
  problems: ContentProblem[];
}

/** A scenario whose notes are all in the library. */
export interface Scenario extends Omit<ParsedScenario, "notes" | "noteLines" | "problems"> {
  notes: Array<{ slug: string; title: string }>;
}

const EXPLANATION_HEADING = /^##\s+explanation\s*#*\s*$/i;

/** Parses one scenario file. Pure: never throws on bad content, reports problems instead. */
export function parseScenario({ file, source }: ScenarioSource): ParsedScenario {
  const problems: ContentProblem[] = [];
  const error = (line: number, message: string) =>
    problems.push({ file, line, severity: "error", message });
  const base = file.split("/").pop() ?? file;
  const id = slugify(base.replace(/\.mdx?$/i, "").trim());
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const scenario: ParsedScenario = {
    file,
    id,
    line: 1,
    title: "",
    notes: [],
    noteLines: [],
    owner: "CUSTOMER",
    control: "",
    distractors: [],
    sources: [],
    story: "",
    explanation: "",
    leaks: false,
    problems,
  };
  if (!id) error(1, "scenario file name has no letters or digits to make an id from");

  let bodyStart = 0;
  if (lines[0]?.trim() !== "---") {
    error(1, "scenario has no frontmatter: start the file with --- and the fields title, notes, owner, control, distractors, sources");
  } else {
    const end = lines.findIndex((line, i) => i > 0 && (line.trim() === "---" || line.trim() === "..."));
    if (end < 0) {
      error(1, "frontmatter starts with --- but is never closed");
      return scenario;
    }
    bodyStart = end + 1;
    readFrontmatter(lines.slice(1, end).join("\n"), scenario, error);
  }

  const explanationAt = lines.findIndex((line, i) => i >= bodyStart && EXPLANATION_HEADING.test(line));
  const storyEnd = explanationAt < 0 ? lines.length : explanationAt;
  scenario.story = plainParagraphs(lines.slice(bodyStart, storyEnd));
  if (!scenario.story) error(bodyStart + 1, "scenario has no story: write it after the frontmatter");
  if (explanationAt < 0) {
    error(lines.length, 'scenario has no "## Explanation" section after its story');
  } else {
    scenario.explanation = plainParagraphs(lines.slice(explanationAt + 1));
    if (!scenario.explanation) error(explanationAt + 1, '"## Explanation" is empty');
  }
  // What the learner reads before answering: the title, the story and the controls offered.
  const lineOfText = (value: string) => {
    const index = lines.findIndex((line) => line.includes(value));
    return index < 0 ? 1 : index + 1;
  };
  const shown: Array<[string, string, number]> = [
    ["title", scenario.title, lineOfText(scenario.title)],
    ["story", scenario.story, bodyStart + 1],
    ["control", scenario.control, lineOfText(scenario.control)],
    ...scenario.distractors.map((d, i): [string, string, number] => [`distractor ${i + 1}`, d, lineOfText(d)]),
  ];
  for (const [field, value, line] of shown) {
    const leaks = findOwnerLeaks(value);
    if (leaks.length === 0) continue;
    scenario.leaks = true;
    problems.push({
      file,
      line,
      severity: "warning",
      strict: "owner-leak",
      message: `the scenario's ${field} ${describeLeaks(leaks)}, which gives the answer away before the learner answers, so the scenario is not asked`,
    });
  }
  return scenario;
}

function readFrontmatter(
  yaml: string,
  scenario: ParsedScenario,
  error: (line: number, message: string) => void,
): void {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  // The YAML starts on the file's second line, after the opening ---.
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    for (const problem of doc.errors) {
      const line = (problem.linePos?.[0]?.line ?? 0) + 1;
      const message = problem.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      error(line, `broken frontmatter: ${message}`);
    }
    return;
  }
  const parsed = frontmatterSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
      const where = keys.length > 0 ? [keys[0]] : path;
      error(lineOf(doc.contents, where, lineAt), frontmatterMessage(path, issue.message, keys));
    }
    return;
  }
  const data = parsed.data;
  Object.assign(scenario, {
    title: data.title,
    notes: data.notes,
    owner: OWNER_WORDS[data.owner.toLowerCase()],
    control: data.control,
    distractors: data.distractors,
    sources: data.sources,
    term: data.term,
    termLine: data.term === undefined ? undefined : lineOf(doc.contents, ["term"], lineAt),
    noteLines: data.notes.map((_, i) => lineOf(doc.contents, ["notes", i], lineAt)),
  });
  const distractorsAt = (i: number) => lineOf(doc.contents, ["distractors", i], lineAt);
  const seen = new Set([data.control.toLowerCase()]);
  data.distractors.forEach((distractor, i) => {
    if (distractor.toLowerCase() === data.control.toLowerCase()) {
      error(distractorsAt(i), `distractor "${distractor}" is the failed control itself`);
    } else if (seen.has(distractor.toLowerCase())) {
      error(distractorsAt(i), `distractor "${distractor}" is listed twice`);
    }
    seen.add(distractor.toLowerCase());
  });
}

function frontmatterMessage(path: Array<string | number>, message: string, keys: string[]): string {
  if (keys.length > 0) {
    return `unknown frontmatter field${keys.length > 1 ? "s" : ""} ${keys.join(", ")}: a scenario has title, notes, owner, control, distractors, sources and term`;
  }
  const field = path.join(".") || "frontmatter";
  if (/received undefined/.test(message)) return `frontmatter field "${field}" is missing`;
  return `frontmatter field "${field}" ${message.replace(/^Invalid input: /, "is invalid: ")}`;
}

/** The line of the value at a path in the frontmatter, else of its nearest parent; else line 1. */
function lineOf(
  contents: unknown,
  path: Array<string | number>,
  lineAt: (offset: number) => number,
): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = findNode(contents, path.slice(0, depth));
    if (node?.range) return lineAt(node.range[0]);
  }
  return 1;
}

function findNode(contents: unknown, path: Array<string | number>): YamlNode | undefined {
  let node: unknown = contents;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === part);
      // A missing value (`owner:`) has no node of its own: point at its key.
      node = pair?.value ?? pair?.key;
    } else if (isSeq(node) && typeof part === "number") {
      node = node.items[part];
    } else return undefined;
  }
  return node as YamlNode | undefined;
}

/** Lines of markdown as plain text: each paragraph on one line, paragraphs split by a blank line. */
function plainParagraphs(lines: string[]): string {
  return lines
    .join("\n")
    .split(/\n\s*\n/)
    .map((paragraph) => inlineText(paragraph.replace(/\s*\n\s*/g, " ")))
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Resolves each scenario's notes with `find` (as wiki links resolve), and reports scenarios naming a
 * note that is not in the library and scenarios sharing an id. Only scenarios without errors come
 * back; `content:check` fails on the others.
 */
export function resolveScenarios(
  parsed: ParsedScenario[],
  find: (name: string) => ParsedNote | undefined,
  findLeftOut: (name: string) => ParsedNote | undefined,
): { scenarios: Scenario[]; leftOut: ParsedScenario[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const byFile = [...parsed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const firstWithId = new Map<string, ParsedScenario>();
  const scenarios: Scenario[] = [];
  const leftOut: ParsedScenario[] = [];
  for (const scenario of byFile) {
    const own = [...scenario.problems];
    const error = (message: string, line = scenario.line) =>
      own.push({ file: scenario.file, line, severity: "error", message });
    const first = firstWithId.get(scenario.id);
    if (scenario.id && first) {
      error(`scenario id "${scenario.id}" is also the id of ${first.file}: rename one of the files`);
    } else if (scenario.id) firstWithId.set(scenario.id, scenario);
    const notes: Scenario["notes"] = [];
    for (const [i, name] of scenario.notes.entries()) {
      const note = find(name);
      if (note) {
        if (!notes.some((n) => n.slug === note.slug)) notes.push({ slug: note.slug, title: note.title });
        continue;
      }
      const broken = findLeftOut(name);
      error(
        broken
          ? `scenario names note "${name}", which is left out until the errors in ${broken.file} are fixed`
          : `scenario names note "${name}", which is not in the library`,
        scenario.noteLines[i],
      );
    }
    problems.push(...own);
    if (own.some((p) => p.severity === "error")) {
      leftOut.push(scenario);
      continue;
    }
    scenarios.push({
      file: scenario.file,
      id: scenario.id,
      line: scenario.line,
      title: scenario.title,
      notes,
      owner: scenario.owner,
      control: scenario.control,
      distractors: scenario.distractors,
      sources: scenario.sources,
      ...(scenario.term ? { term: scenario.term, termLine: scenario.termLine } : {}),
      story: scenario.story,
      explanation: scenario.explanation,
      leaks: scenario.leaks,
    });
  }
  scenarios.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { scenarios, leftOut, problems };
}

export const SCENARIO_OWNER_PROMPT = "Who should have prevented this failure?";
export const SCENARIO_CONTROL_PROMPT = "Which control failed?";

/** The two quiz items of a scenario: whose failure it was, and which control failed. */
export function scenarioItems(scenario: Scenario): ExtractedItem[] {
  const { id, title, story, owner, explanation, notes } = scenario;
  if (scenario.leaks) return [];
  const common = {
    kind: "SCENARIO" as const,
    description: "",
    detail: explanation,
    citation: scenario.sources[0],
    owner,
    anchor: scenarioAnchor(id),
    line: scenario.line,
    source: { heading: scenario.file, line: scenario.line, rule: "scenario frontmatter" },
  };
  const spec = { kind: "SCENARIO" as const, scenario: id, title, story, notes };
  return [
    {
      ...common,
      key: `scenario:${id}:owner`,
      prompt: SCENARIO_OWNER_PROMPT,
      spec: { ...spec, part: "owner", options: [] },
    },
    {
      ...common,
      key: `scenario:${id}:control`,
      prompt: SCENARIO_CONTROL_PROMPT,
      answerKey: optionKey(scenario.control),
      spec: {
        ...spec,
        part: "control",
        options: toOptions([scenario.control, ...scenario.distractors]),
      },
    },
  ];
}

import type { Owner } from "@/lib/content/types";
import { isCardKind, type Confidence, type QuizItem, type SavedChoice } from "@/lib/contracts/quiz";

/** An item as the quiz session shows it; `noteTitle` is set in a review, which mixes notes. */
export type SessionItem = QuizItem & { noteTitle?: string };

/** One item's answer: an owner or an option key (never both), and how sure the learner said. */
export interface Answer {
  choice: Owner | null;
  option: string | null;
  confidence: Confidence | null;
}

export type Answers = Record<string, Answer>;

export const NO_ANSWER: Answer = { choice: null, option: null, confidence: null };

/** Split halves and a scenario's control part are answered with an option key, the rest by owner. */
export function answersWithOption(item: Pick<QuizItem, "choices">): boolean {
  return item.choices.length === 0;
}

export function isAnswered(answer: Answer | undefined): boolean {
  return Boolean(answer && (answer.choice ?? answer.option));
}

/**
 * The group an item is shown in: a matrix, a split control's two halves, a scenario's two parts;
 * a card (an assign or service item) is a group of its own. Confidence is asked once per group.
 */
export function groupKeyOf(item: SessionItem): string {
  if (item.matrix) return `matrix:${item.matrix.id}`;
  if (item.split) return `split:${item.noteSlug}:${item.split.control}`;
  if (item.scenario) return `scenario:${item.scenario.id}`;
  return `item:${item.id}`;
}

export interface ItemGroup {
  key: string;
  kind: SessionItem["kind"];
  items: SessionItem[];
}

/** The items that are not cards, grouped, in the order each group first appears. */
export function groupItems(items: SessionItem[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const item of items) {
    if (isCardKind(item.kind)) continue;
    const key = groupKeyOf(item);
    const group = groups.get(key) ?? { key, kind: item.kind, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The answers the page was rendered with, with what this tab's journal kept unsaved laid over. */
export function initialAnswers(
  saved: SavedChoice[],
  restored: ReadonlyMap<string, Answer>,
): Answers {
  const answers: Answers = {};
  for (const a of saved)
    answers[a.itemId] = { choice: a.choice, option: a.option, confidence: a.confidence };
  for (const [itemId, a] of restored) answers[itemId] = { ...a };
  return answers;
}

/** A group's confidence: the first one any of its items carries. */
export function groupConfidence(items: SessionItem[], answers: Answers): Confidence | null {
  for (const item of items) {
    const confidence = answers[item.id]?.confidence;
    if (confidence) return confidence;
  }
  return null;
}

/** An answer as the API takes it: `choice` for owner items, `option` for option items. */
export function toAnswerBody(item: Pick<QuizItem, "id" | "choices">, answer: Answer) {
  // Sure or unsure of nothing says nothing: an unanswered item of a group marked sure stays unsaid.
  const base = { itemId: item.id, confidence: isAnswered(answer) ? answer.confidence : null };
  return answersWithOption(item)
    ? { ...base, option: answer.option }
    : { ...base, choice: answer.choice };
}

/** The matrix's rows and columns, in their index order, with each cell's item. */
export function matrixLayout(items: SessionItem[]) {
  const rows = new Map<number, string>();
  const columns = new Map<number, string>();
  const cells = new Map<string, SessionItem>();
  for (const item of items) {
    if (!item.matrix) continue;
    rows.set(item.matrix.rowIndex, item.matrix.row);
    columns.set(item.matrix.columnIndex, item.matrix.column);
    cells.set(`${item.matrix.rowIndex}:${item.matrix.columnIndex}`, item);
  }
  const byIndex = (a: [number, string], b: [number, string]) => a[0] - b[0];
  const rowList = [...rows].sort(byIndex).map(([index, title]) => ({ index, title }));
  const columnList = [...columns].sort(byIndex).map(([index, title]) => ({ index, title }));
  return {
    title: items[0]?.matrix?.title ?? "",
    rows: rowList,
    columns: columnList,
    cell: (row: number, column: number) => cells.get(`${row}:${column}`),
  };
}

/**
 * What a matrix's rows are: the layers of a service model (the seed's matrix, whose cells carry
 * their model) or, in a service matrix, controls.
 */
export function matrixRowNoun(items: SessionItem[]): "layer" | "control" {
  return items[0]?.serviceModel ? "layer" : "control";
}

const GROUP_NOUNS: Partial<Record<SessionItem["kind"], [string, string]>> = {
  split: ["a Shared control in two halves", "Shared controls in two halves"],
  scenario: ["an incident scenario", "incident scenarios"],
  matrix: ["a service matrix", "service matrices"],
};

/**
 * What follows the cards, in words, for the one-card view's last card and its signpost: "a Shared
 * control in two halves, an incident scenario and a service matrix". Kinds in the order they first
 * appear; null when nothing follows. It counts questions by kind and never names an owner.
 */
export function describeGroups(groups: Pick<ItemGroup, "kind">[]): string | null {
  const counts = new Map<SessionItem["kind"], number>();
  for (const group of groups)
    if (GROUP_NOUNS[group.kind]) counts.set(group.kind, (counts.get(group.kind) ?? 0) + 1);
  const phrases = [...counts].map(([kind, n]) => {
    const [one, many] = GROUP_NOUNS[kind]!;
    return n === 1 ? one : `${n} ${many}`;
  });
  if (phrases.length === 0) return null;
  if (phrases.length === 1) return phrases[0];
  return `${phrases.slice(0, -1).join(", ")} and ${phrases[phrases.length - 1]}`;
}

import "server-only";
import { parseItemSpec } from "@/lib/content/item-spec";
import { OWNERS, type ItemKind } from "@/lib/content/types";
import type { QuizItem } from "@/lib/contracts/quiz";

/** An item (or pinned item version) as stored. */
export interface StoredItem {
  id: string;
  kind: ItemKind;
  noteSlug: string;
  prompt: string;
  detail: string;
  serviceModel: string | null;
  spec: string | null;
}

/**
 * An item as a learner sees it: never with its owner or right option. Only a control's own
 * explanation is its card's text; every other kind's stored detail explains the answer, so before
 * grading the learner gets the question instead.
 */
export function toQuizItem(item: StoredItem): QuizItem {
  const spec = parseItemSpec(item.spec);
  const base = {
    id: item.id,
    prompt: item.prompt,
    serviceModel: item.serviceModel,
    noteSlug: item.noteSlug,
    service: null,
    choices: [...OWNERS],
    options: [],
    matrix: null,
    split: null,
    scenario: null,
  };
  switch (spec?.kind) {
    case undefined:
      return { ...base, kind: "assign", detail: item.detail };
    case "SERVICE":
      return { ...base, kind: "service", detail: item.detail, service: spec.service };
    case "MATRIX":
      return {
        ...base,
        kind: "matrix",
        detail: `Who is responsible for ${spec.row.toLowerCase()} in ${spec.column}?`,
        matrix: {
          id: `${item.noteSlug}:${spec.matrix}`,
          title: spec.title,
          row: spec.row,
          column: spec.column,
          rowIndex: spec.rowIndex,
          columnIndex: spec.columnIndex,
        },
      };
    case "SPLIT":
      return {
        ...base,
        kind: "split",
        detail: `${spec.control} is a Shared control. Pick the statement that is ${spec.half === "AWS" ? "AWS's" : "the customer's"} part of it.`,
        choices: [],
        options: spec.statements,
        split: { control: spec.control, half: spec.half },
      };
    case "SCENARIO":
      return {
        ...base,
        kind: "scenario",
        detail: spec.story,
        choices: spec.part === "owner" ? [...OWNERS] : [],
        options: spec.options,
        scenario: { id: spec.scenario, title: spec.title, story: spec.story, part: spec.part },
      };
  }
}

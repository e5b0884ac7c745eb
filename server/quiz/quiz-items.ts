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
  /** What the control is, in words that name no owner; the explanation is never shown before grading. */
  description: string;
  serviceModel: string | null;
  spec: string | null;
}

/**
 * An item as a learner sees it: never with its owner, its right option or its explanation, which
 * says who and why. A control's card text is its neutral description (owner-leak.ts holds every
 * description to that); every other kind shows its question instead.
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
      return { ...base, kind: "assign", detail: item.description };
    case "SERVICE":
      return { ...base, kind: "service", detail: item.description, service: spec.service };
    case "MATRIX":
      return {
        ...base,
        kind: "matrix",
        detail: `Who owns ${spec.row.toLowerCase()} in ${spec.column}?`,
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
        // The half asked is the question itself. That the control has halves at all is its owner, so
        // an attempt never asks a control's owner beside its halves (lib/quiz/fair-draw.ts).
        detail: `Pick the statement that describes ${spec.half === "AWS" ? "AWS's" : "the customer's"} part in ${spec.control}.`,
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

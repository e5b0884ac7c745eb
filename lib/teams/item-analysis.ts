import type { ItemKind, ItemSpec } from "@/lib/content/types";
import type { HalfAnalysis, ItemKindName } from "@/lib/contracts/teams";

/** The kind as the API spells it. */
export function kindName(kind: ItemKind): ItemKindName {
  return kind.toLowerCase() as ItemKindName;
}

/** The kind as a table shows it to an instructor. */
export const KIND_LABELS: Record<ItemKindName, string> = {
  assign: "Who owns it",
  service: "On a service",
  matrix: "Matrix cell",
  split: "Split half",
  scenario: "Scenario",
};

/**
 * The prompt as a row of the dashboard names it. A grouped item's own prompt only makes sense beside
 * its group ("Whose failure?" under a scenario's story), so a table names the group too.
 */
export function itemLabel(prompt: string, spec: ItemSpec | null): string {
  switch (spec?.kind) {
    case "SERVICE":
      return `${prompt} on ${spec.service}`;
    case "MATRIX":
      return `${spec.row} on ${spec.column}`;
    case "SPLIT":
      return `${spec.control} — ${spec.half === "AWS" ? "AWS" : "Customer"} half`;
    case "SCENARIO":
      return `${spec.title} — ${spec.part === "owner" ? "whose failure" : "which control"}`;
    default:
      return prompt;
  }
}

/** The text of an option key in an item's spec, or null when the spec does not offer it. */
export function optionText(spec: ItemSpec | null, key: string | null): string | null {
  if (key === null) return null;
  const options =
    spec?.kind === "SPLIT" ? spec.statements : spec?.kind === "SCENARIO" ? spec.options : [];
  return options.find((o) => o.key === key)?.text ?? null;
}

/**
 * Which half of a Shared control the team misses more: the one with the lower facility. Halves
 * within a whole percentage point of each other are alike, and an unanswered half decides nothing.
 */
export function missedHalf(
  aws: HalfAnalysis | null,
  customer: HalfAnalysis | null,
): "AWS" | "CUSTOMER" | null {
  if (!aws || !customer) return null;
  const gap = aws.correctRate - customer.correctRate;
  if (Math.abs(gap) < 0.01) return null;
  return gap < 0 ? "AWS" : "CUSTOMER";
}

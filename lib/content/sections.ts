import type { Owner } from "./types";

/**
 * Who owns the controls listed under a heading, judged from its wording. Authors can override this
 * per heading with frontmatter `quiz:`; see parse-note.ts.
 */
export function ownerOfHeading(heading: string): Owner | undefined {
  const text = heading.toLowerCase().replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
  // "AWS Shared Responsibility Model" names the model, not a section of shared controls.
  if (/\bmodel\b/.test(text)) return undefined;
  if (/\bshared\b|\bjoint\b|\bboth\b/.test(text)) return "SHARED";
  if (/security of the cloud|\b(aws|amazon|provider|vendor)\b.*\b(responsibilit|managed|manages|side)/.test(text)) return "AWS";
  if (/security in the cloud|\b(customer|customers|your|tenant)\b.*\b(responsibilit|managed|manages|side)/.test(text)) return "CUSTOMER";
  return undefined;
}

/** The section whose bullets say who manages each layer per service model. */
export function isServiceVariationHeading(heading: string): boolean {
  return /variation by service|by service (model|type)/i.test(heading);
}

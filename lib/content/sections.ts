import { normalizeHeading } from "./responsibility-headings";
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

/**
 * The section whose table is a service matrix: a control per row, a service note per column (see
 * note-matrix.ts). "Service matrix", alone or qualified after ":", "(" or a dash ("Service matrix:
 * storage"). It names no owner, so it never clashes with the owner patterns of
 * responsibility-headings.ts, whose "Responsibility matrix" tables name owners in their columns.
 */
export function isServiceMatrixHeading(heading: string): boolean {
  return /^service matrix(?:\s*[:(\-–—].*)?$/.test(normalizeHeading(heading));
}

/**
 * The levels headings render at below a page's h1: the shallowest becomes h2 and none goes more than
 * one level deeper than the one before, so that `### Section` notes (like the seed) skip no level.
 */
export function outlineLevels(depths: number[]): number[] {
  if (depths.length === 0) return [];
  const shift = Math.min(...depths) - 2;
  let previous = 1;
  return depths.map((depth) => {
    const level = Math.min(depth - shift, previous + 1, 6);
    previous = level;
    return level;
  });
}

/**
 * What study mode shows instead of each responsibility heading, by anchor: "Controls (1 of 3)",
 * numbered in reading order, so a heading never gives away the owner of the cards beneath it.
 */
export function studyLabels(
  headings: Array<{ text: string; anchor: string }>,
  sectionOwners: Record<string, Owner>,
): Map<string, string> {
  const owned = headings.filter((h) => sectionOwners[h.text] !== undefined);
  return new Map(owned.map((h, i) => [h.anchor, `Controls (${i + 1} of ${owned.length})`]));
}

/**
 * The section that shows the service matrix: the first "Variation by Service" heading that is not
 * itself a responsibility section. Both the renderer and the page's study-mode rules use this.
 */
export function matrixSectionAnchor(
  headings: Array<{ text: string; anchor: string }>,
  sectionOwners: Record<string, Owner>,
): string | undefined {
  return headings.find((h) => !sectionOwners[h.text] && isServiceVariationHeading(h.text))?.anchor;
}

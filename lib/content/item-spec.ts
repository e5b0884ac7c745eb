import { z } from "zod";
import type { ItemSpec } from "./types";

const option = z.object({ key: z.string(), text: z.string() });

const itemSpecSchema: z.ZodType<ItemSpec> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("SERVICE"), service: z.string() }),
  z.object({
    kind: z.literal("MATRIX"),
    matrix: z.string(),
    title: z.string(),
    row: z.string(),
    column: z.string(),
    rowIndex: z.number(),
    columnIndex: z.number(),
  }),
  z.object({
    kind: z.literal("SPLIT"),
    control: z.string(),
    half: z.enum(["AWS", "CUSTOMER"]),
    statements: z.array(option),
  }),
  z.object({
    kind: z.literal("SCENARIO"),
    scenario: z.string(),
    title: z.string(),
    story: z.string(),
    part: z.enum(["owner", "control"]),
    options: z.array(option),
    notes: z.array(z.object({ slug: z.string(), title: z.string() })),
  }),
]);

/**
 * An item version's stored spec (JSON text, written by the content sync from ExtractedItem.spec),
 * or null for an item without one. A spec that does not parse is a bug in the sync, not input.
 */
export function parseItemSpec(json: string | null): ItemSpec | null {
  return json === null ? null : itemSpecSchema.parse(JSON.parse(json));
}

/** The option keys an item may be answered with: none for an item answered with an owner. */
export function optionKeysOf(spec: ItemSpec | null): string[] {
  if (spec?.kind === "SPLIT") return spec.statements.map((s) => s.key);
  if (spec?.kind === "SCENARIO") return spec.options.map((o) => o.key);
  return [];
}

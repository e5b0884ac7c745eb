import { buildLibrary } from "@/lib/content/build-library";
import { parseNote } from "@/lib/content/parse-note";
import { parseScenario } from "@/lib/content/scenarios";
import type { ParsedNote } from "@/lib/content/types";

export const SCENARIO_CONTROL = "Block Public Access was off";
export const SCENARIO_DISTRACTORS = ["The disks failed", "KMS was down"];

const SCENARIO = `---
title: A public bucket
notes: [Patching]
owner: Customer
control: ${SCENARIO_CONTROL}
distractors:
${SCENARIO_DISTRACTORS.map((d) => `  - ${d}`).join("\n")}
sources:
  - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
---
A bucket of records was readable by anyone.

## Explanation

The customer opened it.
`;

/**
 * The note "Patching" (from `source`) with one incident scenario on it, through the real note and
 * scenario parsers: its items end with `scenario:public-bucket:owner` and `…:control`.
 */
export function patchingWithScenario(source: string): ParsedNote {
  const library = buildLibrary([parseNote({ file: "Patching.md", source })], {
    scenarios: [parseScenario({ file: "scenarios/Public Bucket.md", source: SCENARIO })],
  });
  if (library.problems.some((p) => p.severity === "error") || library.notes.length !== 1)
    throw new Error(`the scenario fixture does not parse: ${JSON.stringify(library.problems)}`);
  return library.notes[0];
}

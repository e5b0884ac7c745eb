import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note";

const note = (source: string) => parseNote({ file: "notes/Amazon Test.md", source });

const SERVICE = `#AWS #Service
### Amazon Test

A service.

### AWS Responsibilities

- **Hosts**: Runs the hosts.
`;

describe("a service note's sources", () => {
  it("are the AWS documentation links under its Sources heading", () => {
    const parsed = note(
      `${SERVICE}
### Sources

- [Security in Amazon Test](https://docs.aws.amazon.com/test/latest/ug/security.html)
- [Shared responsibility model](https://aws.amazon.com/compliance/shared-responsibility-model/)
- [A blog](https://example.com/post)

### After

- [Not a source](https://docs.aws.amazon.com/other.html)
`,
    );
    expect(parsed.sources).toEqual([
      "https://docs.aws.amazon.com/test/latest/ug/security.html",
      "https://aws.amazon.com/compliance/shared-responsibility-model/",
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it("are expected: a service note without an AWS documentation source gets a warning", () => {
    const bare = note(SERVICE);
    expect(bare.problems).toEqual([
      expect.objectContaining({ severity: "warning", message: expect.stringMatching(/Sources/) }),
    ]);
    const elsewhere = note(`${SERVICE}\n### Sources\n\n- [A blog](https://example.com/post)\n`);
    expect(elsewhere.problems.map((p) => p.severity)).toEqual(["warning"]);
  });

  it("are not required of other notes", () => {
    expect(note("#AWS #Concept\n### Concept\n\nText.\n").problems).toEqual([]);
  });
});

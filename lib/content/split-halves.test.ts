import { describe, expect, it } from "vitest";
import { optionKey } from "./options";
import { parseNote } from "./parse-note";

function note(shared: string) {
  return parseNote({
    file: "notes/Test.md",
    source: `# Test\n\n## AWS Responsibilities\n\n- **Hosts**: Runs the hosts.\n\n## Shared Controls\n\n${shared}\n`,
  });
}

const PATCHING = [
  "- **Patch Management**: AWS patches the hosts; the customer patches guest systems.",
  "  - AWS half: Patches the hypervisor",
  "  - Customer half: Patches the guest operating system.",
  "  - Neither: Lets instances patch themselves.",
].join("\n");

describe("the halves of a Shared control", () => {
  it("become two SPLIT items after the note's other items, each answered by its own statement", () => {
    const parsed = note(PATCHING);
    expect(parsed.items.map((i) => [i.key, i.kind, i.owner])).toEqual([
      ["Hosts", "ASSIGN", "AWS"],
      ["Patch Management", "ASSIGN", "SHARED"],
      ["split:Patch Management:aws", "SPLIT", "AWS"],
      ["split:Patch Management:customer", "SPLIT", "CUSTOMER"],
    ]);
    const [aws, customer] = parsed.items.slice(2);
    expect(aws.answerKey).toBe(optionKey("Patches the hypervisor"));
    expect(customer.answerKey).toBe(optionKey("Patches the guest operating system."));
    expect(aws.spec).toMatchObject({ kind: "SPLIT", control: "Patch Management", half: "AWS" });
    expect(aws.spec?.kind === "SPLIT" && aws.spec.statements.map((s) => s.text).sort()).toEqual([
      "Lets instances patch themselves.",
      "Patches the guest operating system.",
      "Patches the hypervisor",
    ]);
    expect(aws.prompt).toBe("Patch Management: which statement is AWS's half?");
    expect(aws.detail).toBe(
      "AWS's half: Patches the hypervisor. The customer's half: Patches the guest operating system.",
    );
    expect(parsed.problems.filter((p) => p.strict !== "owner-leak")).toEqual([]);
  });

  it("leave a Shared control without halves a plain item, and nested prose alone", () => {
    const parsed = note("- **Training**: Both train people.\n  - A note about training.");
    expect(parsed.items.map((i) => i.kind)).toEqual(["ASSIGN", "ASSIGN"]);
    expect(parsed.problems.filter((p) => p.strict !== "owner-leak")).toEqual([]);
  });

  it.each([
    ["a missing customer half", "  - AWS half: One thing", "exactly one `AWS half:`"],
    [
      "three Neither lines",
      "  - AWS half: A\n  - Customer half: B\n  - Neither: C\n  - Neither: D\n  - Neither: E",
      "at most 2",
    ],
    ["two equal statements", "  - AWS half: Same\n  - Customer half: same", "say the same thing"],
  ])("are skipped with a warning for %s", (_, halves, why) => {
    const parsed = note(`- **Patching**: Both patch.\n${halves}`);
    expect(parsed.items.filter((i) => i.kind === "SPLIT")).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ severity: "warning" })]);
    expect(parsed.problems[0].message).toContain(why);
  });

  it("are refused on a control that is not Shared", () => {
    const parsed = parseNote({
      file: "notes/Test.md",
      source: "# T\n\n## AWS Responsibilities\n\n- **Hosts**: Runs hosts.\n  - AWS half: A\n  - Customer half: B\n",
    });
    expect(parsed.items.map((i) => i.kind)).toEqual(["ASSIGN"]);
    expect(parsed.problems[0].message).toContain("only a Shared control has halves");
  });
});

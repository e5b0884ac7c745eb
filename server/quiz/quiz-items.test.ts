import { describe, expect, it } from "vitest";
import type { ItemSpec } from "@/lib/content/types";
import { toQuizItem, type StoredItem } from "./quiz-items";

function stored(kind: StoredItem["kind"], description: string, spec?: ItemSpec): StoredItem {
  return {
    id: "i1",
    kind,
    noteSlug: "note",
    prompt: "Prompt",
    description,
    serviceModel: null,
    spec: spec ? JSON.stringify(spec) : null,
  };
}

describe("toQuizItem", () => {
  it("shows a control's neutral description as the card's text, never its explanation", () => {
    const item = toQuizItem(stored("ASSIGN", "Require a second factor for people who sign in."));
    expect(item).toMatchObject({
      kind: "assign",
      detail: "Require a second factor for people who sign in.",
      choices: ["AWS", "CUSTOMER", "SHARED"],
      options: [],
    });
  });

  it("names a service item's service, and answers it with an owner like a control", () => {
    const item = toQuizItem(
      stored("SERVICE", "Applying patches to the guest operating system.", {
        kind: "SERVICE",
        service: "Amazon EC2",
      }),
    );
    expect(item).toMatchObject({
      kind: "service",
      service: "Amazon EC2",
      detail: "Applying patches to the guest operating system.",
      choices: ["AWS", "CUSTOMER", "SHARED"],
      options: [],
      matrix: null,
    });
    expect(toQuizItem(stored("ASSIGN", "x")).service).toBeNull();
  });

  it("asks a matrix cell's question instead of sending its explanation, which names the owner", () => {
    const spec: ItemSpec = {
      kind: "MATRIX",
      matrix: "service-models",
      title: "Who runs each layer",
      row: "Virtualization",
      column: "PaaS (RDS)",
      rowIndex: 1,
      columnIndex: 1,
    };
    const item = toQuizItem(
      stored("MATRIX", "In PaaS (RDS), AWS runs the virtualization layer.", spec),
    );
    expect(item.kind).toBe("matrix");
    expect(item.detail).toBe("Who owns virtualization in PaaS (RDS)?");
    expect(item.matrix).toMatchObject({ id: "note:service-models", row: "Virtualization" });
    expect(JSON.stringify(item)).not.toMatch(/AWS runs/);
  });

  it("sends a split half's statements but not which is right, nor the explanation", () => {
    const statements = [
      { key: "aaaa0001", text: "Patches the hypervisor." },
      { key: "bbbb0002", text: "Patches the guest OS." },
    ];
    const spec: ItemSpec = { kind: "SPLIT", control: "Patching", half: "AWS", statements };
    const item = toQuizItem(stored("SPLIT", "AWS's half: Patches the hypervisor.", spec));
    expect(item).toMatchObject({ kind: "split", choices: [], options: statements });
    expect(item.split).toEqual({ control: "Patching", half: "AWS" });
    expect(JSON.stringify(item)).not.toMatch(/AWS's half/);
  });

  it("sends a scenario's story, and its owner choices or its control options by part", () => {
    const spec = (part: "owner" | "control"): ItemSpec => ({
      kind: "SCENARIO",
      scenario: "public-bucket",
      title: "A public bucket",
      story: "A bucket was public.",
      part,
      options: part === "control" ? [{ key: "cccc0003", text: "Block Public Access" }] : [],
      notes: [{ slug: "amazon-s3", title: "Amazon S3" }],
    });
    const owner = toQuizItem(stored("SCENARIO", "The customer turned it off.", spec("owner")));
    const control = toQuizItem(stored("SCENARIO", "The customer turned it off.", spec("control")));
    expect(owner).toMatchObject({ kind: "scenario", detail: "A bucket was public.", options: [] });
    expect(owner.choices).toEqual(["AWS", "CUSTOMER", "SHARED"]);
    expect(control).toMatchObject({ choices: [], scenario: { part: "control" } });
    expect(JSON.stringify([owner, control])).not.toMatch(/turned it off/);
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SessionItem } from "./quiz-answers";
import { QuizScenario } from "./quiz-scenario";
import { QuizSplit } from "./quiz-split";

// The shapes server/quiz/quiz-items.ts sends (see its test): a scenario's two parts, a split's halves.
const OWNERS = ["AWS", "CUSTOMER", "SHARED"] as const;
const base = {
  detail: "A bucket was public.",
  serviceModel: null,
  noteSlug: "amazon-s3",
  service: null,
  matrix: null,
  split: null,
  scenario: null,
} as const;
const story = "A bucket of invoices was readable by anyone for a week.";
const scenario: SessionItem[] = [
  {
    ...base,
    id: "p2",
    kind: "scenario",
    prompt: "Which control failed?",
    choices: [],
    options: [
      { key: "aaaa0001", text: "Block Public Access was turned off." },
      { key: "bbbb0002", text: "The disks were not wiped." },
    ],
    scenario: { id: "public-bucket", title: "The public bucket", story, part: "control" },
  },
  {
    ...base,
    id: "p1",
    kind: "scenario",
    prompt: "Whose failure was it?",
    choices: [...OWNERS],
    options: [],
    scenario: { id: "public-bucket", title: "The public bucket", story, part: "owner" },
  },
];

describe("QuizScenario", () => {
  it("tells the story once, then asks whose failure (owners) before which control (options)", () => {
    const html = renderToStaticMarkup(
      <QuizScenario
        items={scenario}
        answers={{ p2: { choice: null, option: "aaaa0001", confidence: "sure" } }}
        onChoice={() => undefined}
        onOption={() => undefined}
        confidence="sure"
        onConfidence={() => undefined}
      />,
    );
    expect(html.split(story)).toHaveLength(2);
    expect(html.indexOf("Whose failure was it?")).toBeLessThan(
      html.indexOf("Which control failed?"),
    );
    expect(html.match(/type="radio"/g)).toHaveLength(5);
    expect(html).toMatch(/checked="" value="aaaa0001"/);
    expect(html).toMatch(/aria-pressed="true">(<svg.*?<\/svg>)?Sure</);
  });
});

describe("QuizSplit", () => {
  it("asks AWS's part, then the customer's, each a radio group of its own", () => {
    const half = (id: string, side: "AWS" | "CUSTOMER"): SessionItem => ({
      ...base,
      id,
      kind: "split",
      prompt: "Patching",
      choices: [],
      options: [
        { key: "cccc0003", text: "Patches the hypervisor." },
        { key: "dddd0004", text: "Patches the guest OS." },
      ],
      split: { control: "Patching", half: side },
    });
    const html = renderToStaticMarkup(
      <QuizSplit
        items={[half("c", "CUSTOMER"), half("a", "AWS")]}
        answers={{}}
        onAnswer={() => undefined}
        confidence={null}
        onConfidence={() => undefined}
      />,
    );
    expect(html.indexOf("AWS&#x27;s part of Patching")).toBeLessThan(
      html.indexOf("The customer&#x27;s part of Patching"),
    );
    expect(html.match(/name="answer-a"/g)).toHaveLength(2);
    expect(html.match(/name="answer-c"/g)).toHaveLength(2);
  });
});

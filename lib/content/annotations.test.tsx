import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lessonComponents } from "@/components/lesson/lesson-components";
import { buildLibrary, formatProblem } from "./build-library";
import { compileLesson } from "./compile-lesson";
import { parseNote } from "./parse-note";

const NOTE = `# Model
### AWS Responsibilities

- **Compliance Certifications**: Achieves standards via AWS Artifact.

### Variation by Service

- **[[Platform as a Service (PaaS)|PaaS]] (RDS, Elastic Beanstalk)**: AWS manages OS; customers handle data and access.

### Shared Controls

- **Training**: AWS provides compliance docs; customers train teams.
`;

const SOURCE = `    source:
      title: Shared Responsibility Model
      url: https://aws.amazon.com/compliance/shared-responsibility-model/
`;

const GOOD = `- bullet: Training
  text: AWS trains AWS employees; each customer trains its own.
${SOURCE.replace(/^ {2}/gm, "")}- bullet: PaaS (RDS, Elastic Beanstalk)
  layers: [guest-os]
  text: Elastic Beanstalk platform updates are the customer's to apply.
${SOURCE.replace(/^ {2}/gm, "")}- heading: Variation by Service
  title: Per-service notes
  text: See [[Amazon RDS]].
${SOURCE.replace(/^ {2}/gm, "")}`;

const build = (annotations: string, file = "annotations/Model.yaml") =>
  buildLibrary([parseNote({ file: "notes/Model.md", source: NOTE })], {
    annotations: [{ file, source: annotations }],
  });

describe("annotations", () => {
  it("attach to the bullets and headings they name, and carry the nuance into the quiz explanation", () => {
    const library = build(GOOD);
    const note = library.bySlug.get("model")!;
    expect(note.annotations?.map((a) => [a.target.kind, a.target.text, a.anchor])).toEqual([
      ["bullet", "Training", "shared-controls"],
      ["bullet", "PaaS (RDS, Elastic Beanstalk)", "variation-by-service"],
      ["heading", "Variation by Service", "variation-by-service"],
    ]);
    const detail = (key: string) => note.items.find((i) => i.key === key)?.detail;
    expect(detail("Training")).toBe(
      "AWS provides compliance docs; customers train teams. AWS trains AWS employees; each customer trains its own.",
    );
    // Only the layers named: the guest OS item gets the text, the physical layer's does not.
    expect(detail("service:paas:guest-os")).toMatch(/Elastic Beanstalk platform updates are the customer's to apply\.$/);
    expect(detail("service:paas:physical")).not.toMatch(/Elastic Beanstalk platform updates/);
    expect(detail("Compliance Certifications")).toBe("Achieves standards via AWS Artifact.");
    // The owners never change: an annotation qualifies a line, it does not rewrite the quiz.
    expect(note.items.find((i) => i.key === "service:paas:guest-os")?.owner).toBe("AWS");
    expect(library.problems.map(formatProblem)).toContain(
      'annotations/Model.yaml:14: warning: link to unwritten note "Amazon RDS"',
    );
  });

  it("are errors when their note, bullet, heading, layer or source is not right, and are then left out", () => {
    const bad = `- bullet: Traning
  text: typo in the term
${SOURCE.replace(/^ {2}/gm, "")}- heading: Nowhere
  text: no such heading
${SOURCE.replace(/^ {2}/gm, "")}- bullet: Training
  layers: [guest-os]
  text: layers on a control bullet
${SOURCE.replace(/^ {2}/gm, "")}- bullet: Training
  text: a source that is not AWS documentation
  source:
    title: A blog
    url: https://example.com/post
`;
    const library = build(bad);
    expect(library.problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([
      'annotations/Model.yaml:17: error: annotation 4: source.url: must be an https:// address on docs.aws.amazon.com or aws.amazon.com',
      'annotations/Model.yaml:1: error: "Model" has no bullet "Traning" that is a quiz item (see content:check --items)',
      'annotations/Model.yaml:6: error: "Model" has no heading "Nowhere"',
      'annotations/Model.yaml:11: error: layers: only a "Variation by Service" bullet has layers; "Training" is not one',
    ]);
    expect(library.bySlug.get("model")?.annotations).toEqual([]);
    expect(build(GOOD, "annotations/Unknown.yaml").problems.map(formatProblem)).toContain(
      'annotations/Unknown.yaml:1: error: annotations for "Unknown", but no note has that title (name the file <Note title>.yaml)',
    );
  });

  it("render as labelled callouts inside the bullet's card and under the heading, with the source", async () => {
    const library = build(GOOD);
    const note = library.bySlug.get("model")!;
    const Content = await compileLesson(note.body, { note, resolve: (link) => library.resolve(link, note) });
    const html = renderToStaticMarkup(<Content components={lessonComponents} />);
    const training = html.slice(html.indexOf('<strong class="control-term">Training'));
    const card = training.slice(0, training.indexOf("</li>"));
    expect(card).toContain('<aside class="callout callout-note annotation" aria-label="What AWS&#x27;s documentation adds: Training">');
    expect(card).toContain(
      'Source: <a href="https://aws.amazon.com/compliance/shared-responsibility-model/">Shared Responsibility Model</a>',
    );
    const variation = html.slice(html.indexOf('id="variation-by-service"'));
    expect(variation.indexOf('aria-label="Per-service notes: Variation by Service"')).toBeLessThan(
      variation.indexOf("<ul"),
    );
    expect(variation).toContain('aria-label="What AWS&#x27;s documentation adds: PaaS (RDS, Elastic Beanstalk)"');
  });
});

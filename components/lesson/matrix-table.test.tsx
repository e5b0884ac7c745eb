import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lessonComponents } from "@/components/lesson/lesson-components";
import { buildLibrary } from "@/lib/content/build-library";
import { compileLesson } from "@/lib/content/compile-lesson";
import { parseNote } from "@/lib/content/parse-note";
import type { ParsedNote } from "@/lib/content/types";

// The service-matrix fixture vault: two service notes and a note with a "Service matrix" table.
const VAULT = path.join(__dirname, "../../tests/fixtures/service-matrix");
const sources = Object.fromEntries(
  fs.readdirSync(VAULT).map((name) => [name, fs.readFileSync(path.join(VAULT, name), "utf8")]),
);

async function lessonHtml(files: Record<string, string>, slug: string) {
  const library = buildLibrary(
    Object.entries(files).map(([file, source]) => parseNote({ file, source })),
  );
  const note = library.bySlug.get(slug) as ParsedNote;
  const Content = await compileLesson(note.body, {
    note,
    resolve: (link) => library.resolve(link, note),
  });
  return { note, html: renderToStaticMarkup(<Content components={lessonComponents} />) };
}

describe("a service matrix on its lesson", () => {
  it("is a real table: caption, column and row headers, columns linked to their lessons", async () => {
    const { html } = await lessonHtml(sources, "compute-compared");
    expect(html).toContain('role="region" aria-label="Service matrix"');
    expect(html).toContain("<caption>Service matrix</caption>");
    expect(html).toContain('<th scope="col">Control</th>');
    expect(html).toContain('<a title="Amazon EC2" href="/lessons/amazon-ec2">EC2</a>');
    expect(html).toContain('<th scope="row">Guest OS patching</th>');
    // The column whose note is unwritten says so, and links nowhere.
    expect(html).toMatch(/<span class="unwritten" title="&quot;Amazon ECS on AWS Fargate&quot;/);
  });

  it("shows each owner as a badge with icon and word, hidden in study mode, and a dash when not asked", async () => {
    const { html } = await lessonHtml(sources, "compute-compared");
    const row = html.slice(html.indexOf('<tr id="matrix-service-matrix-network-traffic-rules">'));
    const cells = row.split("</tr>")[0].split("<td").slice(1);
    expect(cells).toHaveLength(3);
    expect(cells[0]).toContain('<span class="real-text"><span class="owner-badge owner-customer">');
    expect(cells[0]).toContain("<svg");
    expect(cells[0]).toContain("Customer</span>");
    expect(cells[0]).toContain('<span class="study-text"><span class="owner-hidden">Hidden</span>');
    expect(cells[1]).toContain("owner-badge owner-shared");
    expect(cells[2]).toContain('<span aria-hidden="true">—</span>');
    expect(cells[2]).toContain('<span class="visually-hidden">not given</span>');
    expect(cells[2]).not.toContain("owner-badge");
    // Its own reveal switch, tied to the table for the page's study-mode rules.
    expect(html).toContain('data-reveal-by="matrix-service-matrix"');
    expect(html).toContain('<input type="checkbox" id="reveal-matrix-service-matrix"/>');
    expect(html).toContain("Show who owns each control");
  });

  it("teaches every cell its quiz asks: the item's anchor is a row whose cell shows its owner", async () => {
    const { note, html } = await lessonHtml(sources, "compute-compared");
    expect(note.items).toHaveLength(6);
    for (const item of note.items) {
      if (item.spec?.kind !== "MATRIX") throw new Error(`${item.key} has no matrix spec`);
      const row = html.slice(html.indexOf(`<tr id="${item.anchor}">`)).split("</tr>")[0];
      const cell = row.split("<td").slice(1)[item.spec.columnIndex];
      expect(cell, item.prompt).toContain(`owner-badge owner-${item.owner.toLowerCase()}`);
    }
  });

  it("draws the .mdx element form with the same table", async () => {
    const table = sources["Compute Compared.md"].slice(
      sources["Compute Compared.md"].indexOf("| Control"),
    );
    const mdx = `---\ntitle: Compute Compared\n---\n\n<ResponsibilityMatrix title="Service matrix">\n\n${table}\n</ResponsibilityMatrix>\n`;
    const files = Object.fromEntries(
      Object.entries(sources).filter(([name]) => name !== "Compute Compared.md"),
    );
    const fromMdx = await lessonHtml({ ...files, "Compute Compared.mdx": mdx }, "compute-compared");
    const fromMd = await lessonHtml(sources, "compute-compared");
    const tableOf = (html: string) => html.slice(html.indexOf('<div class="owner-matrix'));
    expect(tableOf(fromMdx.html)).toBe(tableOf(fromMd.html));
  });

  it("keeps the service-model comparison's props form", async () => {
    const mdx =
      '<ResponsibilityMatrix rows={[{ layer: "Data", iaas: "CUSTOMER", paas: "CUSTOMER", saas: "NOBODY" }]} />\n';
    const { html } = await lessonHtml({ "Compared.mdx": mdx }, "compared");
    expect(html).toContain("<caption>Who runs each layer, by service model</caption>");
    expect(html).toContain('<th scope="row">Data</th>');
    expect(html.match(/owner-badge owner-customer/g)).toHaveLength(2);
    // An owner the component does not know is not guessed.
    expect(html).toContain("not given");
  });
});

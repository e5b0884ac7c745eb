import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lessonComponents } from "@/components/lesson/lesson-components";
import { LessonScenarios } from "@/components/lesson/lesson-scenarios";
import { OWNER_LABELS } from "@/components/ui/owner-badge";
import { buildLibrary, lessonScenarios } from "@/lib/content/build-library";
import { compileLesson } from "@/lib/content/compile-lesson";
import { readContent } from "@/server/content/load-library";
import { serviceModelOf } from "@/lib/content/service-layers";
import { isControlKind } from "@/lib/content/types";

/**
 * The lesson teaches what its quiz asks: for every quiz item of every shipped note, the compiled
 * lesson (with the real lesson components) has the item's anchor, and at that anchor shows the
 * item's owner: the control card's badge in its section, the cell of its model in the matrix row,
 * or, for an incident scenario, the owner and failed control folded in its story's <details>.
 */
const { notes, ...extras } = readContent(path.join(__dirname, "../../content"));
const library = buildLibrary(notes, extras);

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

/** The part of the page from the element with this id to the next heading of level 2. */
function sectionAt(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  const next = html.indexOf("<h2", start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

describe("every quiz item is taught in its lesson", () => {
  const withItems = library.notes.filter((note) => note.items.length > 0);

  it("applies the shipped annotations without an error", () => {
    expect(library.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(library.bySlug.get("aws-shared-responsibility-model")?.annotations).toHaveLength(5);
  });

  it("covers the seed's 33 items among the shipped notes (36 lines, less two WorkSpaces layers and the PaaS guest OS, withdrawn)", () => {
    const seed = withItems.find((n) => n.slug === "aws-shared-responsibility-model");
    expect(seed?.items.filter((item) => item.kind !== "SCENARIO")).toHaveLength(33);
  });

  it.each(withItems.map((note) => [note.slug, note] as const))("%s", async (_slug, note) => {
    const Content = await compileLesson(note.body, {
      note,
      resolve: (link) => library.resolve(link, note),
    });
    const html = renderToStaticMarkup(
      <>
        <Content components={lessonComponents} />
        <LessonScenarios scenarios={lessonScenarios(library, note.slug)} />
      </>,
    );
    for (const item of note.items) {
      const label = `${note.slug}: ${item.prompt} (${item.owner})`;
      expect(html, label).toContain(`id="${item.anchor}"`);
      const badge = `owner-badge owner-${item.owner.toLowerCase()}`;
      const cardOf = (term: string) =>
        sectionAt(html, item.anchor)
          .split('<li class="control ')
          .slice(1)
          .find((c) => c.includes(`<strong class="control-term">${escapeHtml(term)}</strong>`));
      if (isControlKind(item.kind)) {
        const card = cardOf(item.prompt);
        expect(card, label).toBeDefined();
        expect(card, label).toContain(badge);
        expect(card, label).toContain(OWNER_LABELS[item.owner]);
      } else if (item.spec?.kind === "SPLIT") {
        // The Shared control's card lists its halves: the right statement, under its side's label.
        const card = cardOf(item.spec.control);
        const right = item.spec.statements.find((s) => s.key === item.answerKey);
        const side = item.spec.half === "AWS" ? "AWS half" : "Customer half";
        expect(card, label).toContain("owner-badge owner-shared");
        expect(right, label).toBeDefined();
        expect(card, label).toMatch(
          new RegExp(
            `${side}:?(</strong>)?:?\\s*${escapeHtml(right?.text ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
          ),
        );
      } else if (item.spec?.kind === "SCENARIO") {
        const story = html.slice(html.indexOf(`id="${item.anchor}"`)).split("</li>")[0];
        const answer = story.slice(story.indexOf("<details"), story.indexOf("</details>"));
        expect(story, label).toContain(escapeHtml(item.spec.title));
        expect(answer, label).toContain(`${badge}"`);
        expect(answer, label).toContain(OWNER_LABELS[item.owner]);
        const right = item.spec.options.find((option) => option.key === item.answerKey);
        if (item.spec.part === "control") {
          expect(right, label).toBeDefined();
          expect(answer, label).toContain(`<strong>${escapeHtml(right?.text ?? "")}</strong>`);
        }
        for (const linked of item.spec.notes) {
          expect(answer, label).toContain(`href="/lessons/${linked.slug}"`);
        }
      } else {
        const table = html.slice(html.lastIndexOf("<table", html.indexOf(`id="${item.anchor}"`)));
        const models = [
          ...table.slice(0, table.indexOf("</thead>")).matchAll(/<th scope="col">(\w+)/g),
        ].map((m) => m[1]);
        const row = table.slice(table.indexOf(`<tr id="${item.anchor}">`)).split("</tr>")[0];
        const cells = row.split("<td").slice(1);
        // A service matrix's item names its column; the seed's names its model.
        const column = item.serviceModel
          ? models.indexOf(serviceModelOf(item.serviceModel) ?? "") - 1
          : item.spec?.kind === "MATRIX"
            ? item.spec.columnIndex
            : -1;
        expect(column, label).toBeGreaterThanOrEqual(0);
        expect(cells[column], label).toContain(badge);
      }
    }
  });
});

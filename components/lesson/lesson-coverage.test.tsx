import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lessonComponents } from "@/components/lesson/lesson-components";
import { OWNER_LABELS } from "@/components/ui/owner-badge";
import { buildLibrary } from "@/lib/content/build-library";
import { compileLesson } from "@/lib/content/compile-lesson";
import { parseNote } from "@/lib/content/parse-note";
import { serviceModelOf } from "@/lib/content/service-layers";

/**
 * The lesson teaches what its quiz asks: for every quiz item of every shipped note, the compiled
 * lesson (with the real lesson components) has the item's anchor, and at that anchor shows the
 * item's owner: the control card's badge in its section, or the cell of its model in the matrix row.
 */
const root = path.join(__dirname, "../../content");
const files = fs
  .readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
  .map((entry) => path.join(entry.parentPath, entry.name));
const library = buildLibrary(
  files.map((file) =>
    parseNote({ file: path.relative(root, file), source: fs.readFileSync(file, "utf8") }),
  ),
);

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

  it("covers the seed's 36 items among the shipped notes", () => {
    expect(withItems.find((n) => n.slug === "aws-shared-responsibility-model")?.items).toHaveLength(
      36,
    );
  });

  it.each(withItems.map((note) => [note.slug, note] as const))("%s", async (_slug, note) => {
    const Content = await compileLesson(note.body, {
      note,
      resolve: (link) => library.resolve(link, note),
    });
    const html = renderToStaticMarkup(<Content components={lessonComponents} />);
    for (const item of note.items) {
      const label = `${note.slug}: ${item.prompt} (${item.owner})`;
      expect(html, label).toContain(`id="${item.anchor}"`);
      const badge = `owner-badge owner-${item.owner.toLowerCase()}`;
      if (item.kind === "ASSIGN") {
        const cards = sectionAt(html, item.anchor).split('<li class="control ').slice(1);
        const card = cards.find((c) =>
          c.includes(`<strong class="control-term">${escapeHtml(item.prompt)}</strong>`),
        );
        expect(card, label).toBeDefined();
        expect(card, label).toContain(badge);
        expect(card, label).toContain(OWNER_LABELS[item.owner]);
      } else {
        const table = html.slice(html.lastIndexOf("<table", html.indexOf(`id="${item.anchor}"`)));
        const models = [
          ...table.slice(0, table.indexOf("</thead>")).matchAll(/<th scope="col">(\w+)/g),
        ].map((m) => m[1]);
        const row = table.slice(table.indexOf(`<tr id="${item.anchor}">`)).split("</tr>")[0];
        const cells = row.split("<td").slice(1);
        const column = models.indexOf(serviceModelOf(item.serviceModel ?? "") ?? "");
        expect(column, label).toBeGreaterThanOrEqual(0);
        expect(cells[column - 1], label).toContain(badge);
      }
    }
  });
});

import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildLibrary } from "./build-library";
import { compileLesson } from "./compile-lesson";
import { parseNote } from "./parse-note";

const DIR = path.join(__dirname, "../../tests/fixtures/notes-styles");

const components = {
  ControlList: ({ section, children }: { section?: string; children?: React.ReactNode }) => (
    <ul data-reveal-by={section}>{children}</ul>
  ),
  Control: ({ owner, term, children }: { owner?: string; term?: string; children?: React.ReactNode }) => (
    <li data-owner={owner} data-term={term}>
      {children}
    </li>
  ),
  RevealToggle: () => null,
  LessonLink: ({ children }: { children?: React.ReactNode }) => <span>{children}</span>,
  Embed: () => null,
  Callout: ({ children }: { children?: React.ReactNode }) => <aside>{children}</aside>,
  ServiceMatrix: () => null,
};

async function renderFixture(file: string) {
  const lib = buildLibrary([parseNote({ file, source: fs.readFileSync(path.join(DIR, file), "utf8") })]);
  const note = lib.notes[0];
  const Content = await compileLesson(note.body, { note, resolve: (link) => lib.resolve(link, note) });
  return { html: renderToStaticMarkup(<Content components={components} />), note };
}

function cards(html: string): string[][] {
  return [...html.matchAll(/<li data-owner="(\w+)" data-term="([^"]*)"/g)].map((m) => [m[1], m[2]]);
}

describe("lesson cards for every note style", () => {
  it.each([
    "Plain Sentences.md",
    "Colon Without Bold.md",
    "Dash Separators.md",
    "Owner Columns Table.md",
    "Owner Cell Table.md",
    "Customer Managed Near Miss.md",
    "HTML and Badges.md",
  ])("%s shows one card per quiz item, with the item's owner", async (file) => {
    const { html, note } = await renderFixture(file);
    expect(cards(html)).toEqual(note.items.map((i) => [i.owner, i.prompt.replace(/'/g, "&#x27;")]));
  });

  it("splits the term from its explanation on a card", async () => {
    const { html } = await renderFixture("Dash Separators.md");
    expect(html).toContain(
      '<li data-owner="AWS" data-term="Hypervisor"><p>isolates customer instances on shared hardware.</p></li>',
    );
  });

  it("gives the cards of an owner-column table no study-mode reveal, since the columns name the owners", async () => {
    const { html } = await renderFixture("Owner Columns Table.md");
    expect(html).not.toContain("<table");
    expect(html).toContain('<li data-owner="CUSTOMER" data-term="Guest OS patching"><p>Compute</p></li>');
    expect(html).toMatch(/<ul>\s*<li data-owner="AWS" data-term="Host and hypervisor patching">/);
  });
});

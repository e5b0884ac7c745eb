import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security-headers";
import { buildLibrary } from "./build-library";
import { compileLesson } from "./compile-lesson";
import { isAllowedNoteHtml, isImageAllowed } from "./note-html";
import { parseNote } from "./parse-note";

const components = {
  LessonLink: ({ href, children }: { href?: string; children?: React.ReactNode }) => (
    <a href={href}>{children}</a>
  ),
  Callout: ({ type, children }: { type?: string; children?: React.ReactNode }) => (
    <aside data-type={type}>{children}</aside>
  ),
  ControlList: ({ children }: { children?: React.ReactNode }) => <ul className="controls">{children}</ul>,
  Control: ({ owner, children }: { owner?: string; children?: React.ReactNode }) => (
    <li data-owner={owner}>{children}</li>
  ),
  RevealToggle: () => null,
};

async function render(source: string, file = "Note.md") {
  const lib = buildLibrary([parseNote({ file, source }), parseNote({ file: "Target.md", source: "x" })]);
  const note = lib.notes.find((n) => n.file === file)!;
  const Content = await compileLesson(note.body, { note, resolve: (link) => lib.resolve(link, note) });
  return renderToStaticMarkup(<Content components={components} />);
}

describe("HTML in a .md note", () => {
  it("renders the safe subset: line breaks, images, folds, sup/sub, tables, keys", async () => {
    const html = await render(
      [
        "Line one<br>line two, H<sub>2</sub>O and x<sup>2</sup>, press <kbd>Ctrl</kbd>.",
        "",
        '<img src="/diagram.png" alt="The model" width="300">',
        "",
        "<details open>",
        "<summary>Show the answer</summary>",
        "",
        "The **customer** patches the guest OS.",
        "",
        "</details>",
        "",
        '<table><tr><th align="left">Layer</th><td colspan="2">Customer</td></tr></table>',
        "",
      ].join("\n"),
    );
    expect(html).toContain("Line one<br/>line two, H<sub>2</sub>O and x<sup>2</sup>, press <kbd>Ctrl</kbd>.");
    expect(html).toContain('<img src="/diagram.png" alt="The model" width="300"/>');
    expect(html).toMatch(/<details open="">\s*<summary>Show the answer<\/summary>\s*<p>The <strong>customer<\/strong> patches the guest OS.<\/p>\s*<\/details>/);
    // MDX writes a cell's align as a style, as it does for a markdown table's alignment row.
    expect(html).toContain('<table><tbody><tr><th style="text-align:left">Layer</th><td colSpan="2">Customer</td></tr></tbody></table>');
  });

  it("keeps the lesson's own components, wiki links and control cards, inside and beside HTML", async () => {
    const html = await render(
      "<details>\n<summary>More</summary>\n\nSee [[Target]].\n\n</details>\n\n> [!tip]\n> A <sup>tip</sup>\n\n## Customer Responsibilities\n- **Data**: Yours.<br>Always.\n",
    );
    expect(html).toContain('See <a href="/lessons/target">Target</a>.');
    expect(html).toContain('<aside data-type="tip"><p>A <sup>tip</sup></p></aside>');
    expect(html).toContain('<li data-owner="CUSTOMER"><p>Yours.<br/>Always.</p></li>');
  });

  it.each([
    ["a script element", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["a script inside an allowed block", "<div>\n<script>alert(1)</script>\n</div>", "&lt;script&gt;"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', "&lt;iframe"],
    ["an svg with onload", '<svg onload="alert(1)"></svg>', "&lt;svg"],
    ["a style element", "<style>body{display:none}</style>", "&lt;style&gt;"],
    ["an object", '<object data="x.swf"></object>', "&lt;object"],
    ["a form", '<form action="https://evil.example"><input name="p"></form>', "&lt;form"],
  ])("shows %s as text, never as an element", async (_name, source, shown) => {
    const html = await render(`${source}\n`);
    expect(html).toContain(shown);
    expect(html).not.toMatch(/<(script|iframe|svg|style|object|form|input)\b/i);
  });

  it.each([
    ["an onerror handler", '<img src="/x.png" onerror="alert(1)">'],
    ["an onclick handler", '<a href="/x" onclick="alert(1)">x</a>'],
    ["an ontoggle handler", '<details ontoggle="alert(1)"><summary>s</summary></details>'],
    ["an onmouseover on a table cell", '<table><tr><td onmouseover="alert(1)">x</td></tr></table>'],
    ["a style attribute", '<p style="position:fixed;inset:0">x</p>'],
    ["a javascript: link", '<a href="javascript:alert(1)">x</a>'],
    ["an entity-encoded javascript: link", '<a href="jav&#x61;script:alert(1)">x</a>'],
    ["a javascript: image", '<img src="javascript:alert(1)">'],
    ["a markdown javascript: link", "[x](javascript:alert(1))"],
    ["a data: link", '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'],
    ["an id that could clobber the page's globals", '<a id="__NEXT_DATA__" href="/x">x</a>'],
  ])("strips %s", async (_name, source) => {
    const html = await render(`${source}\n`);
    // The element itself survives (this is the sanitiser's work, not the text fallback's).
    expect(html).toMatch(/<(a|img|details|td|p)\b/);
    expect(html).not.toContain("&lt;");
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).not.toContain("__NEXT_DATA__");
  });

  it("keeps the old guarantees: braces, import/export and expressions show as text", async () => {
    const html = await render('import x from "y"\nexport const a = 1\n\nValue {process.exit(1)} and <b>bold</b> {1+1}\n');
    expect(html).toContain("import x from &quot;y&quot;");
    expect(html).toContain("{process.exit(1)}");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(html).toContain("{1+1}");
  });

  it("reads a fragment as allowed only when every tag in it is", () => {
    expect(isAllowedNoteHtml('<p align="center">\n<img src="/a.png">\n</p>')).toBe(true);
    expect(isAllowedNoteHtml("<!-- a comment with <script> inside -->")).toBe(true);
    expect(isAllowedNoteHtml("<details><script>")).toBe(false);
    expect(isAllowedNoteHtml("<!DOCTYPE html>")).toBe(false);
    expect(isAllowedNoteHtml("<?php echo 1 ?>")).toBe(false);
  });
});

describe("images the CSP blocks", () => {
  it("match the CSP's img-src, which allows this site and data: only", () => {
    expect(contentSecurityPolicy("'unsafe-inline'", true)).toContain("img-src 'self' data:;");
    expect(isImageAllowed("/images/model.png")).toBe(true);
    expect(isImageAllowed("diagram.png")).toBe(true);
    expect(isImageAllowed("data:image/png;base64,AAAA")).toBe(true);
    expect(isImageAllowed("https://example.com/a.png")).toBe(false);
    expect(isImageAllowed("//example.com/a.png")).toBe(false);
  });

  it("become links labelled with their alt text; allowed images stay images", async () => {
    const html = await render(
      '![The model](https://docs.aws.example/model.png)\n\n<img src="https://cdn.example/x.png" alt="Console screenshot">\n\n![Local](/local.png)\n',
    );
    expect(html).toContain('<a href="https://docs.aws.example/model.png">The model</a>');
    expect(html).toContain('<a href="https://cdn.example/x.png">Console screenshot</a>');
    expect(html).toContain('<img src="/local.png" alt="Local"/>');
    expect(html).not.toMatch(/<img[^>]+https:/);
  });

  it("inside a link (a badge) become the link's text", async () => {
    const html = await render(
      "[![Build passing](https://img.shields.io/badge/build-passing-green)](https://ci.example/job)\n\n" +
        '<a href="https://ci.example"><img src="https://img.shields.io/x.svg" alt="Coverage"></a>\n',
    );
    expect(html).toContain('<a href="https://ci.example/job">Build passing</a>');
    expect(html).toContain('<a href="https://ci.example">Coverage</a>');
  });

  it("in a hand-written .mdx lesson become links too", async () => {
    const html = await render("![Diagram](https://example.com/d.png)\n", "Hand.mdx");
    expect(html).toContain('<a href="https://example.com/d.png">Diagram</a>');
  });

  it("never become a lesson's summary, nor do badges", () => {
    const note = parseNote({
      file: "Badges.md",
      source:
        "# Badges\n\n[![Build](https://img.shields.io/b.svg)](https://ci.example) ![Logo](https://x.example/l.png)\n\n" +
        '<p align="center"><img src="/banner.png" alt="Banner"></p>\n\nThe customer owns their data.\n',
    });
    expect(note.summary).toBe("The customer owns their data.");
  });
});

describe("any mix of allowed and dangerous HTML", () => {
  const fragments = [
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">',
    "<a href='JaVaScRiPt:alert(1)'>",
    '<a href="&#106;avascript:alert(1)">',
    "<script>alert(1)</script>",
    "<details ontoggle=alert(1) open>",
    "<summary>",
    "</details>",
    '<p style="color:red">',
    "</p>",
    "<br/>",
    "<sup>",
    "</sup>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<iframe src=//evil.example>",
    "<svg><script>alert(1)</script>",
    "<!-- <script> -->",
    "{alert(1)}",
    "\n\n",
    "\n",
    "text",
    "**bold**",
    "[[Target]]",
    "![x](javascript:alert(1))",
    "- **Term**: ",
    "## Customer Responsibilities\n",
    "`<script>`",
    "<",
    ">",
    '"',
  ];

  it("never yields a script, an iframe, a handler, a style or a javascript: URL", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...fragments), { maxLength: 12 }), async (parts) => {
        const html = await render(`${parts.join("")}\n`);
        // Text shows `<` as `&lt;`, so every `<...>` left is a real element.
        const tags = html.match(/<[^>]*>/g) ?? [];
        for (const tag of tags) {
          expect(tag).not.toMatch(/^<\/?(script|iframe|svg|style)\b/i);
          expect(tag).not.toMatch(/\son\w+=/i);
          expect(tag).not.toMatch(/\sstyle="(?!text-align:)/i);
          expect(tag).not.toMatch(/javascript:/i);
        }
      }),
      { numRuns: 150 },
    );
  });
});

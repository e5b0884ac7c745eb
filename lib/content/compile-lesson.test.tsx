import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildLibrary } from "./build-library";
import { compileLesson } from "./compile-lesson";
import { parseNote } from "./parse-note";

const components = {
  LessonLink: ({ href, children }: { href?: string; children?: React.ReactNode }) => (href ? <a href={href}>{children}</a> : <span className="unwritten">{children}</span>),
  Embed: ({ target }: { target?: string }) => <span className="embed-missing">missing {target}</span>,
  Callout: ({ type, title, children }: { type?: string; title?: string; children?: React.ReactNode }) => (
    <aside data-type={type} data-title={title}>
      {children}
    </aside>
  ),
  ControlList: ({ children }: { children?: React.ReactNode }) => <ul className="controls">{children}</ul>,
  Control: ({ owner, term, children }: { owner?: string; term?: string; children?: React.ReactNode }) => (
    <li data-owner={owner} data-term={term}>
      {children}
    </li>
  ),
  RevealToggle: ({ section }: { section?: string }) => <input data-reveal={section} />,
  ServiceMatrix: ({ matrix, section }: { matrix?: string; section?: string }) => <table data-section={section} data-matrix={matrix} />,
};

async function render(source: string, file = "Note.md", others: Record<string, string> = { "Target.md": "## Part two\n" }) {
  const lib = buildLibrary([parseNote({ file, source }), ...Object.entries(others).map(([f, s]) => parseNote({ file: f, source: s }))]);
  const note = lib.notes.find((n) => n.file === file)!;
  const Content = await compileLesson(note.body, { note, resolve: (link) => lib.resolve(link, note) });
  return renderToStaticMarkup(<Content components={components} />);
}

describe("compileLesson", () => {
  it("shows expressions, script tags and ESM in a .md note as text, never running them", async () => {
    const html = await render('import x from "y"\nexport const a = 1\n\nValue {process.exit(1)} here.\n\n<script>alert(1)</script>\n\nInline <b>bold</b> {1+1}\n');
    expect(html).toContain("import x from &quot;y&quot;");
    expect(html).toContain("{process.exit(1)}");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;");
    expect(html).toContain("{1+1}");
    expect(html).not.toContain("<script");
  });

  it("keeps a control's description and source lines out of its card's list, in the note's language", async () => {
    const html = await render(
      [
        "## Responsabilidad del cliente",
        "",
        "- **Permisos de IAM**: El cliente concede solo los permisos necesarios.",
        "  - Qué es: Quién puede hacer qué en una cuenta.",
        "  - Fuente: [Prácticas recomendadas](https://docs.aws.amazon.com/es_es/IAM/latest/UserGuide/best-practices.html)",
        "  - Revisar los permisos cada trimestre.",
      ].join("\n"),
    );
    expect(html).not.toContain("Qué es:");
    expect(html).not.toContain("Fuente:");
    expect(html).toContain("Revisar los permisos cada trimestre.");
  });

  it("links wiki links to lessons and anchors, and leaves unwritten ones as text", async () => {
    const html = await render("See [[Target]], [[Target#Part two|part two]] and [[Unwritten Note]].");
    expect(html).toContain('<a href="/lessons/target">Target</a>');
    expect(html).toContain('<a href="/lessons/target#part-two">part two</a>');
    expect(html).toContain('<span class="unwritten">Unwritten Note</span>');
  });

  it("gives headings GitHub-style ids matching the parser's anchors", async () => {
    const html = await render("## AWS Responsibilities\n## Variation by Service\n## Variation by Service\n");
    expect(html).toContain('<h2 id="aws-responsibilities" data-study-label="Controls (1 of 1)" data-reveal-by="aws-responsibilities">');
    expect(html).toContain('<h2 id="variation-by-service-1">');
  });

  it("renders headings from h2 down, skipping no level, whatever the note's # count", async () => {
    const html = await render("### First\n##### Deeper\n### Second\n");
    expect(html).toContain('<h2 id="first">First</h2>\n<h3 id="deeper">Deeper</h3>\n<h2 id="second">Second</h2>');
  });

  it("gives responsibility headings a neutral study-mode label and a reveal switch", async () => {
    const html = await render("## AWS Responsibilities\n- **A**: a\n## Customer Responsibilities\n- **B**: b\n## Shared Controls\n- **C**: c\n");
    expect(html).toContain('data-study-label="Controls (2 of 3)" data-reveal-by="customer-responsibilities"');
    expect(html).toContain('<input data-reveal="shared-controls"/>');
  });

  it("puts the service matrix after the Variation by Service bullets, with a row per layer", async () => {
    const html = await render("## Variation by Service\n- **IaaS (EC2)**: Customers manage guest OS.\n\nAfter.\n## Next\n");
    expect(html).toMatch(/<\/ul>\n?<table data-section="variation-by-service" data-matrix="[^"]+"><\/table>\n?<p>After.<\/p>/);
    const matrix = JSON.parse(/data-matrix="([^"]+)"/.exec(html)![1].replaceAll("&quot;", '"'));
    expect(matrix.columns).toEqual([{ label: "IaaS", examples: "EC2" }]);
    expect(matrix.rows.map((r: { anchor: string }) => r.anchor)).toContain("layer-guest-os");
    expect(matrix.rows.find((r: { anchor: string }) => r.anchor === "layer-guest-os").cells).toEqual(["CUSTOMER"]);
  });

  const SERVICES = {
    "Amazon EC2.md": "## Customer Responsibilities\n- **Guest OS patching**: Patches the OS.\n",
    "AWS Lambda.md": "## AWS Responsibilities\n- **Guest OS patching**: Patches the runtime's OS.\n",
  };
  const TABLE = "| Control | [[Amazon EC2\\|EC2]] | [[AWS Lambda]] | [[Amazon EKS]] |\n| --- | --- | --- | --- |\n| Guest OS patching | Customer | AWS | — |\n";
  const matrixOf = (html: string) => {
    const [, section, json] = /<table data-section="([^"]+)" data-matrix="([^"]+)"><\/table>/.exec(html)!;
    return { section, view: JSON.parse(json.replaceAll("&quot;", '"')) };
  };

  it("draws a \"Service matrix\" table as the matrix element, its columns linked to their lessons", async () => {
    const html = await render(`Intro.\n\n## Service matrix\n\n${TABLE}\nAfter.\n`, "Note.md", SERVICES);
    expect(html).toMatch(/<h2 id="service-matrix">Service matrix<\/h2>\n?<table data-section="matrix-service-matrix"/);
    expect(html).toContain("<p>After.</p>");
    expect(matrixOf(html).view).toEqual({
      caption: "Service matrix",
      rowHeader: "Control",
      columns: [
        { label: "EC2", href: "/lessons/amazon-ec2", note: "Amazon EC2" },
        { label: "AWS Lambda", href: "/lessons/aws-lambda" },
        { label: "Amazon EKS", unwritten: true },
      ],
      rows: [{ label: "Guest OS patching", anchor: "matrix-service-matrix-guest-os-patching", cells: ["CUSTOMER", "AWS", null] }],
    });
  });

  it("draws <ResponsibilityMatrix title> around a table in an .mdx lesson as the same matrix", async () => {
    const md = await render(`## Service matrix\n\n${TABLE}`, "Note.md", SERVICES);
    const mdx = await render(
      `<ResponsibilityMatrix title="Service matrix">\n\n${TABLE}\n</ResponsibilityMatrix>\n`,
      "Hand.mdx",
      SERVICES,
    );
    expect(mdx).not.toContain("<h2");
    expect(matrixOf(mdx)).toEqual(matrixOf(md));
  });

  it("turns callouts into <Callout> with their type and title", async () => {
    const html = await render("> [!warning] Mind the gap\n> Body text\n");
    expect(html).toContain('<aside data-type="warning" data-title="Mind the gap"><p>Body text</p></aside>');
  });

  it("turns responsibility bullets into owner-marked control cards", async () => {
    const html = await render("## Customer Responsibilities\n- **Data Protection**: Encrypts data.\n  - nested detail\n");
    expect(html).toContain('<input data-reveal="customer-responsibilities"/>\n<ul class="controls">');
    expect(html).toContain('<li data-owner="CUSTOMER" data-term="Data Protection"><p>Encrypts data.</p><ul>\n<li>nested detail</li>\n</ul></li>');
  });

  it("renders tables, code blocks and a notice for a missing embed", async () => {
    const html = await render("| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\nconst x = {y};\n```\n\n![[diagram.png]]\n");
    expect(html).toContain("<table>");
    expect(html).toContain("const x = {y};");
    expect(html).toContain('<span class="embed-missing">missing diagram.png</span>');
  });

  it("lets a hand-written .mdx lesson use components", async () => {
    const html = await render('<Callout type="tip">From MDX</Callout>\n', "Hand.mdx");
    expect(html).toContain('<aside data-type="tip">From MDX</aside>');
  });
});

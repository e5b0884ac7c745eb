import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inlineText, parseNote, truncateAtBoundary } from "./parse-note";
import { slugify } from "./slug";

const SEED_FILE = "notes/AWS Shared Responsibility Model.md";
const seedSource = fs.readFileSync(path.join(__dirname, "../../content", SEED_FILE), "utf8");

function note(source: string, file = "notes/Test Note.md") {
  return parseNote({ file, source });
}

describe("slugs", () => {
  it("slugs titles the way github-slugger does", () => {
    expect(slugify("AWS Key Management Service (KMS)")).toBe("aws-key-management-service-kms");
    expect(slugify("Infrastructure as a Service (IaaS)")).toBe("infrastructure-as-a-service-iaas");
    expect(slugify("Amazon CloudTrail")).toBe("amazon-cloudtrail");
  });

  it("numbers repeated headings within a note", () => {
    const parsed = note("## Setup\ntext\n## Setup\n");
    expect(parsed.headings.map((h) => h.anchor)).toEqual(["setup", "setup-1"]);
  });
});

describe("titles", () => {
  it("prefers frontmatter, then the first # heading, then the file name", () => {
    expect(note("---\ntitle: From Frontmatter\n---\n# From Heading\n").title).toBe("From Frontmatter");
    expect(note("# From Heading\nbody").title).toBe("From Heading");
    expect(note("just text", "notes/From File.md").title).toBe("From File");
  });

  it("drops a leading heading that repeats the title, so the page shows it once", () => {
    const parsed = parseNote({ file: SEED_FILE, source: seedSource });
    expect(parsed.title).toBe("AWS Shared Responsibility Model");
    expect(parsed.slug).toBe("aws-shared-responsibility-model");
    expect(parsed.headings[0].text).toBe("AWS Responsibilities");
    expect(parsed.body.startsWith("Framework defining")).toBe(true);
  });

  it("reports a note with no usable title", () => {
    const parsed = note("---\ntitle: '!!!'\n---\nbody");
    expect(parsed.problems).toContainEqual(expect.objectContaining({ severity: "error", line: 1, message: expect.stringContaining("no title") }));
  });
});

describe("tags", () => {
  it("reads inline #Tag lines, lower-cased, and removes them from the body", () => {
    const parsed = parseNote({ file: SEED_FILE, source: seedSource });
    expect(parsed.tags).toEqual(["aws", "concept"]);
    expect(parsed.body).not.toContain("#AWS");
  });

  it("reads frontmatter tags as a list or a string, and ignores # inside code", () => {
    expect(note("---\ntags: [Security, IAM]\n---\ntext").tags).toEqual(["security", "iam"]);
    expect(note("---\ntags: security iam\n---\ntext").tags).toEqual(["security", "iam"]);
    expect(note("```\n#NotATag\n```\n").tags).toEqual([]);
  });

  it("does not mistake a heading for a tag line", () => {
    expect(note("# Title\n## Section\n").tags).toEqual([]);
  });
});

describe("frontmatter", () => {
  it("reads aliases", () => {
    expect(note("---\naliases: [KMS, Key Service]\n---\n").aliases).toEqual(["KMS", "Key Service"]);
  });

  it("ignores broken YAML with a warning on its line, and still reads the body", () => {
    const parsed = parseNote({
      file: "Course.md",
      source: "---\ntitle: AWS: the shared model\ntags: [aws]\n---\n# Shared model notes\n## Customer Responsibilities\n- **Data classification**: Sorting data by sensitivity.\n",
    });
    expect(parsed.problems).toEqual([
      expect.objectContaining({ line: 2, severity: "warning", message: expect.stringMatching(/^broken frontmatter: .*it is ignored/) }),
    ]);
    expect(parsed.title).toBe("Shared model notes");
    expect(parsed.items.map((i) => [i.prompt, i.owner])).toEqual([["Data classification", "CUSTOMER"]]);
  });

  it("keeps broken YAML an error when it maps headings to owners, which it can no longer read", () => {
    const parsed = note("---\nquiz:\n  Customer Responsibilities: [CUSTOMER\n---\nbody");
    expect(parsed.problems.some((p) => p.severity === "error" && /quiz: mapping cannot be read/.test(p.message))).toBe(true);
  });

  it("reports frontmatter that is never closed", () => {
    expect(note("---\ntitle: x\nbody").problems).toContainEqual(expect.objectContaining({ line: 1, message: expect.stringContaining("never closed") }));
  });

  it("reports a quiz mapping to an owner that does not exist", () => {
    const parsed = note("---\nquiz:\n  Ours: NOBODY\n---\n");
    expect(parsed.problems[0]).toMatchObject({ severity: "error", message: expect.stringContaining("quiz.Ours") });
  });
});

describe("wiki links", () => {
  it("reads targets, aliases, headings and embeds with their lines", () => {
    const parsed = note("See [[AWS IAM]] and [[AWS Key Management Service (KMS)|KMS]].\n[[AWS Shield#Customer Responsibilities]] ![[diagram.png]]");
    expect(parsed.links).toEqual([
      { target: "AWS IAM", heading: undefined, alias: undefined, embed: false, line: 1 },
      { target: "AWS Key Management Service (KMS)", heading: undefined, alias: "KMS", embed: false, line: 1 },
      { target: "AWS Shield", heading: "Customer Responsibilities", alias: undefined, embed: false, line: 2 },
      { target: "diagram.png", heading: undefined, alias: undefined, embed: true, line: 2 },
    ]);
  });

  it("reports empty and malformed links, and skips links in code", () => {
    const parsed = note("a [[]] b\nc [[|alias]]\nd [[unclosed\n`[[in code]]`\n```\n[[in block]]\n```");
    expect(parsed.problems.map((p) => [p.line, p.severity])).toEqual([
      [1, "error"],
      [2, "error"],
      [3, "error"],
    ]);
    expect(parsed.links).toEqual([]);
  });

  it("reads a table's escaped alias pipe, [[Note\\|alias]], as Obsidian does", () => {
    expect(note("| [[Amazon EC2\\|EC2]] |").links).toEqual([
      { target: "Amazon EC2", heading: undefined, alias: "EC2", embed: false, line: 1 },
    ]);
    expect(inlineText("[[Amazon EC2\\|EC2]]")).toBe("EC2");
  });

  it("reduces links to their label in plain text", () => {
    expect(inlineText("**[[Infrastructure as a Service (IaaS)|IaaS]] (EC2)**")).toBe("IaaS (EC2)");
    expect(inlineText("[[Note#Part]] and `code` and [site](https://x)")).toBe("Note › Part and code and site");
  });
});

describe("quiz items from the seed note", () => {
  const parsed = parseNote({ file: SEED_FILE, source: seedSource });
  const byKey = new Map(parsed.items.map((i) => [i.key, i]));

  it("turns every AWS Responsibilities bullet into an AWS item", () => {
    const aws = parsed.items.filter((i) => i.kind === "ASSIGN" && i.owner === "AWS").map((i) => i.prompt);
    expect(aws).toEqual(["Physical Security", "Hardware and Software", "Global Infrastructure", "Service Operations", "Compliance Certifications", "Network Security"]);
    expect(byKey.get("Physical Security")).toMatchObject({
      detail: "Secures data centers with restricted access, surveillance, and environmental controls.",
      anchor: "aws-responsibilities",
    });
  });

  it("turns every Customer Responsibilities bullet into a CUSTOMER item", () => {
    const customer = parsed.items.filter((i) => i.owner === "CUSTOMER" && i.kind === "ASSIGN").map((i) => i.prompt);
    expect(customer).toEqual(["Data Protection", "IAM", "OS and Applications", "Network Configuration", "Compliance", "Monitoring"]);
  });

  it("turns every Shared Controls bullet into a SHARED item", () => {
    expect(parsed.items.filter((i) => i.owner === "SHARED" && i.kind === "ASSIGN").map((i) => i.prompt)).toEqual([
      "Patch Management",
      "Configuration",
      "Training",
    ]);
  });

  it("yields seven layers for each of IaaS, PaaS and SaaS from Variation by Service", () => {
    const service = parsed.items.filter((i) => i.kind === "MATRIX");
    expect(service).toHaveLength(21);
    const owner = (key: string) => byKey.get(key)?.owner;
    // What the note says outright.
    expect(owner("service:iaas:guest-os")).toBe("CUSTOMER");
    expect(owner("service:iaas:applications")).toBe("CUSTOMER");
    expect(owner("service:iaas:configuration")).toBe("CUSTOMER");
    expect(owner("service:paas:guest-os")).toBe("AWS");
    expect(owner("service:paas:data")).toBe("CUSTOMER");
    expect(owner("service:paas:user-access")).toBe("CUSTOMER");
    expect(owner("service:saas:user-access")).toBe("CUSTOMER");
    expect(owner("service:saas:data")).toBe("CUSTOMER");
    // What it leaves unsaid follows the AWS model.
    expect(owner("service:iaas:physical")).toBe("AWS");
    expect(owner("service:saas:applications")).toBe("AWS");
    // Each links to its layer's row in the lesson's service matrix.
    expect(byKey.get("service:paas:guest-os")).toMatchObject({ serviceModel: "PaaS (RDS, Elastic Beanstalk)", anchor: "layer-guest-os" });
  });

  it("explains service items the way a learner reads them, naming example services", () => {
    expect(byKey.get("service:paas:virtualization")?.detail).toBe(
      "In PaaS (RDS, Elastic Beanstalk), AWS runs the virtualization layer, the hypervisor that keeps customers apart.",
    );
    expect(byKey.get("service:iaas:guest-os")?.detail).toBe("In IaaS (EC2), the customer patches and hardens the guest operating system.");
    expect(byKey.get("service:saas:configuration")?.detail).toMatch(/^In SaaS \(WorkSpaces\), the customer chooses the settings/);
    for (const item of parsed.items.filter((i) => i.kind === "MATRIX")) {
      expect(item.detail).not.toMatch(/\bnote\b|unsaid/i);
      expect(item.detail).toMatch(/^In (IaaS \(EC2\)|PaaS \(RDS, Elastic Beanstalk\)|SaaS \(WorkSpaces\)), .+\.$/);
    }
  });

  it("makes no items from Related Services or Related Concepts", () => {
    expect(parsed.items.some((i) => i.prompt.includes("AWS IAM") || i.prompt.includes("Least Privilege"))).toBe(false);
    expect(parsed.items).toHaveLength(36);
    // Its explanations that name their owner get neutral descriptions from its annotations file,
    // since the note itself ships verbatim; nothing else is wrong with it.
    expect(parsed.problems.filter((p) => p.strict !== "owner-leak")).toEqual([]);
  });
});

describe("quiz item variants", () => {
  it("accepts * bullets, ### and ## headings, and a colon inside the bold", () => {
    const parsed = note("## Security of the Cloud\n* **Hypervisor:** Isolates guests.\n### Security in the Cloud\n- **Firewall**: Configured by you.");
    expect(parsed.items.map((i) => [i.prompt, i.owner, i.detail])).toEqual([
      ["Hypervisor", "AWS", "Isolates guests."],
      ["Firewall", "CUSTOMER", "Configured by you."],
    ]);
  });

  it("ignores nested bullets", () => {
    const parsed = note("## AWS Responsibilities\n- **Top**: counted\n  - **Nested**: not an item\n");
    expect(parsed.items.map((i) => i.prompt)).toEqual(["Top"]);
  });

  it("lets frontmatter quiz: map headings to owners, winning over the wording", () => {
    const parsed = note("---\nquiz:\n  Our side: AWS\n  AWS Responsibilities: SHARED\n---\n## Our side\n- **A**: x\n## AWS Responsibilities\n- **B**: y");
    expect(parsed.items.map((i) => [i.prompt, i.owner])).toEqual([
      ["A", "AWS"],
      ["B", "SHARED"],
    ]);
  });

  it("warns about a term repeated in one section and keeps the first", () => {
    const parsed = note("## Customer Responsibilities\n- **Keys**: first\n- **Keys**: second");
    expect(parsed.items).toHaveLength(1);
    expect(parsed.problems).toContainEqual(expect.objectContaining({ severity: "warning", line: 3, message: expect.stringContaining('"Keys" repeats') }));
  });

  it("warns when responsibility sections yield no items", () => {
    const parsed = note("## AWS Responsibilities\nAWS does a lot.\n");
    expect(parsed.problems).toContainEqual(expect.objectContaining({ severity: "warning", message: expect.stringContaining("yields no quiz items") }));
  });

  it("makes a service note's controls per-service items naming the service; a Shared control's halves stay halves", () => {
    const parsed = note(
      "#AWS #Service\n# Amazon EC2\n## Customer Responsibilities\n- **Guest OS patching**: yours\n## Shared Controls\n- **Patching**: both\n  - AWS half: The hosts.\n  - Customer half: The guests.\n",
      "notes/Amazon EC2.md",
    );
    expect(parsed.items.map((i) => [i.prompt, i.kind, i.owner, i.spec?.kind === "SERVICE" ? i.spec.service : null])).toEqual([
      ["Guest OS patching", "SERVICE", "CUSTOMER", "Amazon EC2"],
      ["Patching", "SERVICE", "SHARED", "Amazon EC2"],
      [expect.any(String), "SPLIT", "AWS", null],
      [expect.any(String), "SPLIT", "CUSTOMER", null],
    ]);
    // Without the tag, the same controls are plain assign items.
    expect(note("## Customer Responsibilities\n- **Guest OS patching**: yours").items[0].kind).toBe("ASSIGN");
  });

  it("keys the same term in two sections apart", () => {
    const parsed = note("## AWS Responsibilities\n- **Patching**: hosts\n## Customer Responsibilities\n- **Patching**: guests");
    expect(parsed.items.map((i) => i.key)).toEqual(["Patching", "Patching (Customer Responsibilities)"]);
  });
});

describe("summaries and text", () => {
  it("summarises the first paragraph and keeps callouts, tables and code out of it", () => {
    const parsed = note("> [!note] Heads up\n> careful\n\n| a | b |\n| - | - |\n\nThe real first paragraph.\n");
    expect(parsed.summary).toBe("The real first paragraph.");
    expect(parsed.plainText).toContain("careful");
  });

  it("never takes a summary from an image's alt text or a badge", () => {
    const source = [
      "![Diagram of the shared responsibility model](model.png)",
      "",
      "[![Build passing](https://img.shields.io/badge/build-passing-green)](https://ci.example) ![[logo.png]]",
      "",
      "[![coverage][cov-badge]][cov] Customers own their data.",
      "",
      "Second paragraph.",
    ].join("\n");
    expect(note(source).summary).toBe("Customers own their data.");
    expect(note("![only an image](x.png)\n").summary).toBe("");
    expect(note('<img src="x.png" alt="hidden">\n\nText after HTML.').summary).toBe("Text after HTML.");
  });

  it("ends a long summary at the last whole sentence that fits", () => {
    const parsed = parseNote({ file: SEED_FILE, source: seedSource });
    expect(parsed.summary).toBe("Framework defining the division of security and compliance responsibilities between AWS and customers.");
  });

  it("does not end a sentence at an abbreviation such as e.g.", () => {
    const text = `Services, e.g. Lambda, are managed. ${"More words follow here. ".repeat(12)}`;
    const summary = truncateAtBoundary(text.trim(), 60);
    expect(summary).toBe("Services, e.g. Lambda, are managed. More words follow here.");
  });

  it("cuts a long first sentence at a word boundary, with an ellipsis", () => {
    const sentence = "word ".repeat(80).trim();
    const summary = truncateAtBoundary(sentence, 42);
    expect(summary).toBe(`${"word ".repeat(8).trim()}\u2026`);
    expect(summary.length).toBeLessThanOrEqual(42);
    const parsed = note(`${"Longwordsthatneverend ".repeat(20)}and on.`);
    expect(parsed.summary.endsWith("Longwordsthatneverend\u2026")).toBe(true);
  });
});

describe("heading levels", () => {
  it("renders the seed's ### sections as h2, under the page's h1", () => {
    const parsed = parseNote({ file: SEED_FILE, source: seedSource });
    expect(new Set(parsed.headings.map((h) => [h.depth, h.level].join()))).toEqual(new Set(["3,2"]));
  });

  it("never skips a level", () => {
    expect(note("## A\n#### B\n##### C\n## D\n").headings.map((h) => h.level)).toEqual([2, 3, 4, 2]);
  });
});

describe("lesson group", () => {
  it("reads frontmatter group", () => {
    expect(note("---\ngroup: Deep dives\n---\ntext").group).toBe("Deep dives");
    expect(note("text").group).toBeUndefined();
  });
});

describe("notes in other languages", () => {
  it("reads Spanish, Portuguese, French, German and Japanese responsibility headings", () => {
    const parsed = parseNote({
      file: "Nube.md",
      source: [
        "# Introducción a la nube",
        "## Seguridad DE la nube (responsabilidad de AWS)",
        "- **Centros de datos**: Acceso físico restringido.",
        "## Responsabilidad del cliente",
        "- **Clasificación de datos**: Qué datos son sensibles.",
        "## Sicherheit IN der Cloud",
        "- **Firewall-Regeln**: Welche Ports offen sind.",
        "## お客様の責任",
        "- **アクセス管理**: IAM ポリシー。",
      ].join("\n"),
    });
    expect(parsed.items.map((i) => [i.prompt, i.owner])).toEqual([
      ["Centros de datos", "AWS"],
      ["Clasificación de datos", "CUSTOMER"],
      ["Firewall-Regeln", "CUSTOMER"],
      ["アクセス管理", "CUSTOMER"],
    ]);
  });
});

describe("owner lines", () => {
  it("reads a bold or colon-ended line that names one owner over a list as a section", () => {
    const parsed = parseNote({
      file: "Course.md",
      source: [
        "# Course notes",
        "Some context in a paragraph.",
        "",
        "**AWS is responsible for:**",
        "- **Hardware**: Servers, racks and cabling.",
        "- **Hypervisor**: The host layer under instances.",
        "",
        "Customer responsibilities:",
        "- **Data classification**: Sorting data by sensitivity.",
        "",
        "Things to remember:",
        "- **Exam tip**: Read every option.",
      ].join("\n"),
    });
    expect(parsed.items.map((i) => [i.prompt, i.owner, i.source?.rule])).toEqual([
      ["Hardware", "AWS", "aws-is-responsible-for"],
      ["Hypervisor", "AWS", "aws-is-responsible-for"],
      ["Data classification", "CUSTOMER", "customer-responsibilities"],
    ]);
    expect(parsed.problems.filter((p) => !p.strict)).toEqual([]);
  });

  it("warns on its own line about an owner line it cannot take", () => {
    const parsed = parseNote({
      file: "Course.md",
      source: ["# Course notes", "", "AWS and customer duties:", "- **Patching**: Both patch."].join("\n"),
    });
    expect(parsed.items).toEqual([]);
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({
        line: 3,
        severity: "warning",
        message: expect.stringMatching(/^line "AWS and customer duties" looks like a responsibility section but is not taken/),
      }),
    );
  });
});

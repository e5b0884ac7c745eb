import { parseDocument } from "yaml";
import { z } from "zod";
import { BUILT_IN_VOCABULARY, classifyHeading, type OwnerVocabulary } from "./responsibility-headings";
import { findMatrices, matrixItems } from "./note-matrix";
import { readControlExtras } from "./control-extras";
import { describeLeaks, findOwnerLeaks } from "./owner-leak";
import { scanSection } from "./section-items";
import { isServiceMatrixHeading, isServiceVariationHeading, outlineLevels } from "./sections";
import { awsSourcesOf } from "./sources";
import { splitHalves } from "./split-halves";
import {
  DEFAULT_LAYER_OWNERS,
  SERVICE_LAYERS,
  explainServiceLayer,
  layersStated,
  serviceItemKey,
  SERVICE_MODEL_MATRIX,
  SERVICE_MODELS,
  serviceModelOf,
  serviceRowAnchor,
} from "./service-layers";
import { createAnchorSlugger, slugify, tagSlug } from "./slug";
import {
  OWNERS,
  isControlKind,
  type ContentProblem,
  type ExtractedItem,
  type Heading,
  type ItemSource,
  type Owner,
  type ParsedNote,
  type WikiLink,
} from "./types";
import { WIKI_LINK_PATTERN, parseWikiLinkInner, wikiLinkLabel } from "./wiki-link";

const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(/[,\s]+/)));

const frontmatterSchema = z.looseObject({
  title: z.string().optional(),
  aliases: stringList.optional(),
  tags: stringList.optional(),
  /**
   * Heading text -> owner of the bullets under it; wins over the heading's wording. NONE says the
   * heading's bullets and tables are for reading only, not quiz items (a table restating, say, what
   * another note asks).
   */
  quiz: z.record(z.string(), z.enum([...OWNERS, "NONE"])).optional(),
  /** The group the lesson is listed under on /lessons; see lesson-groups.ts for the default. */
  group: z.string().trim().min(1).optional(),
  /** Slugs the lesson had before its title changed: redirected, and its history moved (README). */
  formerSlugs: stringList.optional(),
});

type Frontmatter = z.infer<typeof frontmatterSchema>;

const TAG_LINE = /^\s*(#[\p{L}\p{N}_/-]+\s*)+$/u;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;
/**
 * A line that is not a heading but names an owner over the list below it: a bold line
 * (`**AWS is responsible for:**`) or a short line ending in a colon (`Customer responsibilities:`).
 */
const OWNER_LINE = /^\s*(?:\*\*(.+?)\s*[:：]?\*\*\s*[:：]?|__(.+?)\s*[:：]?__\s*[:：]?|([^\s|>#*+\-][^|]{0,80}?)\s*[:：])\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
/** An owner line over a list that speaks of responsibility ("Lo que gestionamos nosotros:"), in the six languages. */
const OWNERLESS_RESPONSIBILITY = /responsib|responsab|verantwort|zuständig|責任|gestion|gère|gèrent|gerenci|\bmanage|verwalt|管理/iu;
/** A heading indented under a bullet, as a mind map's or outliner's export writes it. */
const INDENTED_HEADING = /^\s+(#{1,6})\s+(.+?)\s*#*\s*$/;
/** A heading written inside a list item: `- ## AWS responsibilities`, `1. ### ...`. */
const LIST_HEADING = /^(\s*(?:[-*+]|\d+[.)])\s+)(#{1,6})\s+(.+?)\s*#*\s*$/;
/** Words that show a note is about who is responsible for what. */
const TALKS_ABOUT_RESPONSIBILITY =
  /responsib|responsab|verantwort|責任|security (?:of|in) the cloud|\b(?:aws|customer)[- ]managed\b/i;

export interface NoteSource {
  /** Path relative to the content root, for messages. */
  file: string;
  source: string;
  /** The owner words and headings to read it with: the built-in table, or a deployment's extension. */
  vocabulary?: OwnerVocabulary;
}

/** Markdown inline syntax reduced to the text a reader sees. */
export function inlineText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, "$1")
    .replace(WIKI_LINK_PATTERN, (_m, _embed: string, inner: string) => {
      const parts = parseWikiLinkInner(inner);
      return "error" in parts ? inner : wikiLinkLabel(parts);
    })
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|~~)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_]+)[*_](?=$|[^\w*])/g, "$1$2")
    .trim();
}

function fileStem(file: string): string {
  const base = file.split("/").pop() ?? file;
  return base.replace(/\.mdx?$/i, "").trim();
}

function readFrontmatter(lines: string[], file: string, problems: ContentProblem[]): { data: Frontmatter; bodyStart: number } {
  if (lines[0]?.trim() !== "---") return { data: {}, bodyStart: 0 };
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === "---" || line.trim() === "..."));
  if (end < 0) {
    problems.push({ file, line: 1, severity: "error", message: "frontmatter starts with --- but is never closed" });
    return { data: {}, bodyStart: 0 };
  }
  const yaml = lines.slice(1, end).join("\n");
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) {
    // Frontmatter that does not parse is ignored and the body read as it is: a stray colon in a
    // value must not cost a note its lesson. Not so when it maps headings to owners (`quiz:`):
    // without that mapping its items could get the wrong owner, so the note is left out.
    const mapsOwners = /^quiz\s*:/m.test(yaml);
    for (const error of doc.errors) {
      const line = (error.linePos?.[0]?.line ?? 0) + 1;
      const reason = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      problems.push(
        mapsOwners
          ? { file, line, severity: "error", message: `broken frontmatter: ${reason}; its quiz: mapping cannot be read, so the note is left out` }
          : { file, line, severity: "warning", message: `broken frontmatter: ${reason}; it is ignored, and the note's title comes from its first heading or file name` },
      );
    }
    return { data: {}, bodyStart: end + 1 };
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = frontmatterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, line: 1, severity: "error", message: `broken frontmatter: ${issue.path.join(".") || "root"}: ${issue.message}` });
    }
    return { data: {}, bodyStart: end + 1 };
  }
  return { data: parsed.data, bodyStart: end + 1 };
}

/** Masks inline code so that links and tags inside it are not read. Keeps character positions. */
function maskInlineCode(line: string): string {
  return line.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
}

/**
 * Parses one Obsidian-style note: frontmatter or inline tags, headings, wiki links and the quiz items
 * its responsibility sections yield. Pure: never throws on bad content, reports problems instead.
 */
export function parseNote({ file, source, vocabulary = BUILT_IN_VOCABULARY }: NoteSource): ParsedNote {
  const problems: ContentProblem[] = [];
  const format = /\.mdx$/i.test(file) ? "mdx" : "md";
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const { data: frontmatter, bodyStart } = readFrontmatter(lines, file, problems);

  const tags = new Set((frontmatter.tags ?? []).map((t) => tagSlug(t.replace(/^#/, ""))).filter(Boolean));
  const rawHeadings: Array<{ depth: number; raw: string; text: string; index: number }> = [];
  const links: WikiLink[] = [];
  const listHeadings: ListHeading[] = [];
  const dropped = new Set<number>();
  let inCode = false;
  let firstContentIndex = -1;

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) inCode = !inCode;
    if (inCode || FENCE.test(line)) {
      if (firstContentIndex < 0) firstContentIndex = i;
      continue;
    }
    if (TAG_LINE.test(line) && !HEADING.test(line)) {
      for (const tag of line.trim().split(/\s+/)) tags.add(tagSlug(tag.slice(1)));
      dropped.add(i);
      continue;
    }
    if (firstContentIndex < 0 && line.trim() !== "") firstContentIndex = i;
    const heading = HEADING.exec(line);
    if (heading) rawHeadings.push({ depth: heading[1].length, raw: heading[2], text: inlineText(heading[2]), index: i });
    const listHeading = !heading && LIST_HEADING.exec(line);
    if (listHeading) {
      listHeadings.push({ text: inlineText(listHeading[3]), line: i + 1, depth: listHeading[2].length });
    }
    const indentedHeading = !heading && !listHeading && INDENTED_HEADING.exec(line);
    if (indentedHeading && insideList(lines, i)) {
      const indent = line.length - line.trimStart().length;
      listHeadings.push({ text: inlineText(indentedHeading[2]), line: i + 1, depth: indentedHeading[1].length, indent });
    }
    const ownerLine = !heading && !LIST_ITEM.test(line) && OWNER_LINE.exec(line);
    const nextLine = ownerLine ? nextWithText(lines, i) : "";
    if (ownerLine && LIST_ITEM.test(nextLine) && !/^\s/.test(nextLine)) {
      const text = inlineText(ownerLine[1] ?? ownerLine[2] ?? ownerLine[3]);
      // Deeper than any heading: it ends at the next heading or owner line.
      if (text.split(/\s+/).length <= 8) listHeadings.push({ text, line: i + 1, depth: 7, ownerLine: true });
    }

    const masked = maskInlineCode(line);
    for (const match of masked.matchAll(WIKI_LINK_PATTERN)) {
      const parts = parseWikiLinkInner(match[2]);
      if ("error" in parts) {
        problems.push({ file, line: i + 1, severity: "error", message: parts.error });
        continue;
      }
      links.push({ ...parts, embed: match[1] === "!", line: i + 1 });
    }
    const unclosed = masked.replace(WIKI_LINK_PATTERN, "").indexOf("[[");
    if (unclosed >= 0) {
      problems.push({ file, line: i + 1, severity: "error", message: `malformed wiki link: "[[" without a closing "]]"` });
    }
  }

  const firstH1 = rawHeadings.find((h) => h.depth === 1);
  const title = (frontmatter.title ?? firstH1?.text ?? fileStem(file)).trim();
  const slug = slugify(title);
  if (!title || !slug) {
    problems.push({ file, line: 1, severity: "error", message: "note has no title: give it a frontmatter title, a # heading or a file name with letters" });
  }
  const formerSlugs = [...new Set((frontmatter.formerSlugs ?? []).map((s) => s.trim()).filter(Boolean))];
  for (const former of formerSlugs) {
    if (slugify(former) !== former) {
      problems.push({ file, line: 1, severity: "error", message: `formerSlugs: "${former}" is not a lesson slug (lower case, digits and dashes, as in the old address /lessons/<slug>)` });
    } else if (former === slug) {
      problems.push({ file, line: 1, severity: "error", message: `formerSlugs: "${former}" is the note's own slug` });
    }
  }

  // A leading heading that repeats the title is the title itself; the lesson page shows it once.
  const leading = rawHeadings[0];
  if (leading && leading.index === firstContentIndex && leading.text.toLowerCase() === title.toLowerCase()) {
    dropped.add(leading.index);
    rawHeadings.shift();
  }

  const anchorOf = createAnchorSlugger();
  const levels = outlineLevels(rawHeadings.map((h) => h.depth));
  const headings: Heading[] = rawHeadings.map((h, i) => ({
    depth: h.depth,
    level: levels[i],
    text: h.text,
    anchor: anchorOf(h.text),
    line: h.index + 1,
  }));

  const quizOverrides = new Map(
    Object.entries(frontmatter.quiz ?? {}).map(([heading, owner]) => [heading.trim().toLowerCase(), owner]),
  );
  const sections = classifySections(headings, listHeadings, quizOverrides, vocabulary);
  const sectionOwners: Record<string, Owner> = {};
  for (const section of sections) {
    if (!section.inList && section.owner && section.owner !== "TABLE") sectionOwners[section.text] = section.owner;
  }

  const found = findMatrices({ lines, bodyStart, headings, format, file, inline: inlineText });
  problems.push(...found.problems);
  const matrices = found.matrices;
  // Matrix items come after the note's other items, so that adding a matrix moves no other item.
  const controls = extractItems({ lines, sections, file, problems, vocabulary, title, bodyStart });
  const items = [...(tags.has("service") ? controls.map((item) => asServiceItem(item, title)) : controls), ...matrices.flatMap(matrixItems)];
  // A matrix whose cells are all empty asks nothing yet, and build-library.ts says why per column.
  if (matrices.length === 0) reportSilence({ lines, bodyStart, dropped, sections, items, file, problems });
  const sources = awsSourcesOf(lines, headings);
  // A warning, not an error: a vault's own service notes still become lessons without one.
  if (tags.has("service") && sources.length === 0) {
    problems.push({
      file,
      line: 1,
      severity: "warning",
      message:
        "a service note cites the AWS documentation its owners come from: add a Sources heading listing links to docs.aws.amazon.com or aws.amazon.com",
    });
  }
  const body = lines.slice(bodyStart).filter((_, i) => !dropped.has(i + bodyStart)).join("\n").replace(/^\n+/, "");
  const plainText = toPlainText(body);
  return {
    file,
    format,
    title,
    slug,
    aliases: (frontmatter.aliases ?? []).map((a) => a.trim()).filter(Boolean),
    tags: [...tags],
    group: frontmatter.group,
    formerSlugs,
    body,
    headings,
    links,
    items,
    matrices,
    sources,
    sectionOwners,
    summary: summarize(body),
    plainText,
    problems,
  };
}

interface ListHeading {
  text: string;
  line: number;
  depth: number;
  /** A bold or colon-ended line over a list, not a heading in a list item. */
  ownerLine?: boolean;
  /** Indented under a bullet (`  ### AWS`), not written after one (`- ### AWS`): its indentation. */
  indent?: number;
}

/** A heading (or a heading inside a list item) and what the rules make of it. */
interface Section {
  text: string;
  line: number;
  anchor: string;
  depth: number;
  inList: boolean;
  ownerLine?: boolean;
  indent?: number;
  /** Mapped to NONE in frontmatter quiz:: for reading, not asked, and nothing to warn about. */
  notAsked?: boolean;
  owner?: Owner | "TABLE";
  rule?: string;
  loose: boolean;
  nearMiss?: string;
  service: boolean;
}

function classifySections(
  headings: Heading[],
  listHeadings: ListHeading[],
  quizOverrides: Map<string, Owner | "NONE">,
  vocabulary: OwnerVocabulary,
): Section[] {
  const all: Array<Omit<Section, "loose" | "service">> = [
    ...headings.map((h) => ({ text: h.text, line: h.line, anchor: h.anchor, depth: h.depth, inList: false })),
    // A heading inside a list item gets no id on the lesson page: its items link to the lesson itself.
    ...listHeadings.map((h) => ({ ...h, anchor: "", inList: true })),
  ].sort((a, b) => a.line - b.line);
  return all.map(({ anchor, ...h }) => {
    const override = quizOverrides.get(h.text.toLowerCase());
    if (override === "NONE") return { ...h, anchor, notAsked: true, loose: false, service: false };
    if (override) return { ...h, anchor, owner: override, rule: "frontmatter quiz:", loose: false, service: false };
    const found = classifyHeading(h.text, vocabulary);
    if (!found && h.ownerLine && OWNERLESS_RESPONSIBILITY.test(h.text)) {
      const nearMiss = "it speaks of responsibility but names no owner the rules know (AWS, the customer, shared)";
      return { ...h, anchor, loose: false, nearMiss, service: false };
    }
    if (found && "owner" in found) {
      return { ...h, anchor, owner: found.owner, rule: found.pattern.id, loose: found.pattern.loose === true, service: false };
    }
    return {
      ...h,
      anchor,
      loose: false,
      nearMiss: found?.nearMiss,
      service: isServiceVariationHeading(h.text),
    };
  });
}

interface ItemContext {
  vocabulary: OwnerVocabulary;
  lines: string[];
  sections: Section[];
  file: string;
  problems: ContentProblem[];
}

/**
 * Where a heading indented under a bullet stops: at the first line less indented than it (the next
 * bullet of the outer list). Any other section runs to the next heading.
 */
function outdentAfter(lines: string[], section: Section): number {
  if (section.indent === undefined) return lines.length + 1;
  for (let n = section.line + 1; n <= lines.length; n++) {
    const line = lines[n - 1];
    if (line.trim() !== "" && line.length - line.trimStart().length < section.indent) return n;
  }
  return lines.length + 1;
}

/** The first line after `index` with text, or "": found without copying the lines after it. */
function nextWithText(lines: string[], index: number): string {
  for (let i = index + 1; i < lines.length; i++) if (lines[i].trim() !== "") return lines[i];
  return "";
}

/** Whether line `index` sits inside a list: the nearest line above with text is a bullet or indented. */
function insideList(lines: string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    if (lines[i].trim() === "") continue;
    return LIST_ITEM.test(lines[i]) || /^\s/.test(lines[i]);
  }
  return false;
}

/**
 * Under a heading that names no owner, only tables that name the owners give items: by their
 * columns (`| Control | AWS | Customer |`) or by an owner cell in each row (`| Control | Owner |`).
 */
function ownerTablesOf(scan: ReturnType<typeof scanSection>): ReturnType<typeof scanSection> {
  return { ...scan, items: scan.items.filter((item) => item.owner) };
}

function extractItems({
  lines,
  sections: headed,
  file,
  problems,
  vocabulary,
  title,
  bodyStart,
}: ItemContext & { title: string; bodyStart: number }): ExtractedItem[] {
  // What comes before the first heading is read too, as if under the title: a note that is one
  // owner table under its title still says who owns what.
  const sections: Section[] = [
    { text: title, line: bodyStart, anchor: "", depth: 0, inList: false, loose: false, service: false },
    ...headed,
  ];
  const items: ExtractedItem[] = [];
  // A Shared control's halves come after every other item, so that existing items keep their places.
  const halves: ExtractedItem[] = [];
  const keys = new Set<string>();
  const looseOwners = new Set<Owner>();
  const warn = (line: number, message: string, strict?: ContentProblem["strict"]) =>
    problems.push({ file, line, severity: "warning", message, ...(strict ? { strict } : {}) });
  sections.forEach((section, s) => {
    if (section.notAsked) return;
    // `- ## AWS` shows as a bullet on the lesson page; a heading indented under a bullet shows as one.
    if (section.inList && !section.ownerLine && section.indent === undefined) {
      warn(
        section.line,
        section.owner
          ? `heading "${section.text}" is inside a list item; it is read as a section, but the lesson shows it as a bullet (remove the "- " before the #)`
          : `heading "${section.text}" is inside a list item (remove the "- " before the #)`,
      );
    }
    if (section.nearMiss) {
      warn(
        section.line,
        `${section.ownerLine ? "line" : "heading"} "${section.text}" looks like a responsibility section but is not taken: ${section.nearMiss}. ` +
          "Its bullets are not quiz items; name the owner first or map the heading in frontmatter quiz:",
      );
    }
    const { owner, service } = section;
    const end = Math.min(sections[s + 1]?.line ?? lines.length + 1, outdentAfter(lines, section));
    const scan =
      owner || service
        ? scanSection(lines, section.line + 1, end, section.inList ? "first" : 0, inlineText, vocabulary, { owner })
        : ownerTablesOf(scanSection(lines, section.line + 1, end, 0, inlineText, vocabulary, { tablesOnly: true }));
    for (const warning of scan.warnings) warn(warning.line, warning.message);
    if (!owner && !service && scan.items.length === 0) {
      // A subheading of a responsibility section is not one itself: its bullets are skipped, and said so.
      const parent = sections.slice(0, s).reverse().find((p) => p.depth < section.depth);
      // A plain line over a list ("Things to remember:") ends the section above it, silently.
      const skipped =
        parent?.owner && !section.nearMiss && !section.ownerLine && scanSection(lines, section.line + 1, end, 0, inlineText, vocabulary).items.length;
      if (parent?.owner && skipped && !isServiceMatrixHeading(section.text)) {
        warn(
          section.line,
          `"${section.text}" is a subheading of "${parent.text}" but not a responsibility section itself, ` +
            `so its ${skipped} bullet(s) or row(s) are not quiz items; give it an owner heading or map it in frontmatter quiz:`,
        );
      }
      return;
    }
    const termsInSection = new Set<string>();
    const source: ItemSource = { heading: section.text, line: section.line, rule: section.rule ?? "" };
    const disagreeing = new Set<number>();
    scan.tables.forEach((table, t) => {
      const clash = table.items.find((item) => owner && owner !== "TABLE" && item.owner && item.owner !== owner);
      if (table.namesOwners && clash) {
        disagreeing.add(t);
        warn(table.line, `table is skipped: its row "${clash.term}" names ${clash.owner}, but the section "${section.text}" is ${owner}`);
      }
    });
    let unowned = 0;
    for (const raw of scan.items) {
      if (raw.table !== undefined && disagreeing.has(raw.table)) continue;
      if (service) {
        // Only `**Model**: ...` bullets, as ever: two bullets naming one model would clash on keys.
        if (raw.bold) items.push(...serviceItems(raw.term, raw.explanation, raw.line));
        continue;
      }
      const itemOwner = raw.owner ?? (owner === "TABLE" ? undefined : owner);
      if (!itemOwner) {
        unowned++;
        continue;
      }
      const term = raw.term;
      const termLeaks = findOwnerLeaks(term);
      if (termLeaks.length > 0) {
        // The term is the question itself: a term that names its owner cannot be asked fairly.
        warn(
          raw.line,
          `term "${term}" ${describeLeaks(termLeaks)}, which gives the owner away, so it is not a quiz item; name the control without naming who runs it`,
          "owner-leak",
        );
        continue;
      }
      // A per-service table's row asks about its service: the same control on two services is two items.
      const asked = raw.service ? `${term} (${raw.service})` : term;
      if (termsInSection.has(asked.toLowerCase())) {
        warn(raw.line, `term "${asked}" repeats within section "${section.text}"; only the first becomes a quiz item`);
        continue;
      }
      termsInSection.add(asked.toLowerCase());
      // The same term in two sections of one note needs distinct keys; the section disambiguates.
      const key = keys.has(asked) ? `${asked} (${section.text})` : asked;
      if (keys.has(key)) {
        warn(raw.line, `term "${term}" appears twice in sections named "${section.text}"; only the first becomes a quiz item`);
        continue;
      }
      keys.add(key);
      if (section.loose) looseOwners.add(itemOwner);
      const extras = readControlExtras(term, raw.explanation, raw.line, raw.children ?? [], inlineText);
      for (const warning of extras.warnings) warn(warning.line, warning.message, warning.strict);
      items.push({
        key,
        ...(raw.service ? { kind: "SERVICE", spec: { kind: "SERVICE", service: raw.service } } : { kind: "ASSIGN" }),
        prompt: term,
        description: extras.description,
        detail: raw.explanation,
        ...(extras.citation ? { citation: extras.citation } : {}),
        owner: itemOwner,
        anchor: section.anchor,
        line: raw.line,
        source: raw.owner ? { ...source, rule: source.rule ? `${source.rule}, table column` : "table column" } : source,
      });
      if (raw.children) {
        halves.push(
          ...splitHalves(
            { key, term, owner: itemOwner, anchor: section.anchor, children: raw.children, citation: extras.citation },
            inlineText,
            warn,
          ),
        );
      }
    }
    if (unowned > 0) {
      warn(
        section.line,
        `"${section.text}" names no single owner, so its ${unowned} bullet(s) or row(s) are not quiz items; ` +
          "only tables whose columns name the owners (AWS | Customer, or an Owner column) are",
      );
    }
  });
  const owners = new Set(items.filter((i) => isControlKind(i.kind)).map((i) => i.owner));
  if (owners.size === 1 && looseOwners.size > 0) {
    const loose = sections.filter((section) => section.loose);
    problems.push({
      file,
      line: loose[0].line,
      severity: "error",
      message:
        `every quiz item in this note would be ${[...owners][0]}, and the owner comes from a loosely matched heading ` +
        `(${loose.map((l) => `"${l.text}" line ${l.line}`).join(", ")}); write "AWS responsibilities" or similar, ` +
        "or map the heading in frontmatter quiz:",
    });
  }
  return [...items, ...halves];
}

/**
 * A service note's control is a per-service drill: its owner holds for that service only (guest OS
 * patching is the customer's on EC2 and AWS's on Lambda), so the item names the service it is about.
 */
function asServiceItem(item: ExtractedItem, service: string): ExtractedItem {
  return item.kind === "ASSIGN" ? { ...item, kind: "SERVICE", spec: { kind: "SERVICE", service } } : item;
}

/** A note that talks about responsibilities but yields no items says which lines it looked at. */
function reportSilence({
  lines,
  bodyStart,
  dropped,
  sections,
  items,
  file,
  problems,
}: Omit<ItemContext, "vocabulary"> & { bodyStart: number; dropped: Set<number>; items: ExtractedItem[] }) {
  if (items.length > 0) return;
  const mentions: number[] = [];
  let inCode = false;
  for (let i = bodyStart; i < lines.length; i++) {
    if (FENCE.test(lines[i])) inCode = !inCode;
    // The title and tag lines name the note; they are not its content.
    if (dropped.has(i)) continue;
    // A link to the "AWS Shared Responsibility Model" note names a note, not a responsibility.
    // Nor does a component such as <ResponsibilityMatrix> in an .mdx note.
    // Nor does a source's address in a markdown link (`.../shared-responsibility-model/`).
    const text = lines[i]
      .replace(WIKI_LINK_PATTERN, " ")
      .replace(/<\/?[A-Za-z][\w.]*/g, " ")
      .replace(/\]\([^)]*\)/g, "]");
    if (!inCode && TALKS_ABOUT_RESPONSIBILITY.test(text)) mentions.push(i + 1);
  }
  const owned = sections.filter((section) => section.owner);
  if (owned.length === 0 && mentions.length === 0) return;
  const looked = sections.map(
    (section) =>
      `"${section.text}" (line ${section.line}): ${
        section.owner ? `section of ${section.owner}, no bullets or tables` : (section.nearMiss ?? "not a responsibility heading")
      }`,
  );
  problems.push({
    file,
    line: owned[0]?.line ?? mentions[0],
    severity: "warning",
    message:
      `note ${owned.length > 0 ? "has responsibility sections" : `talks about responsibilities (line ${mentions.slice(0, 5).join(", ")})`} ` +
      "but yields no quiz items (bullets should read `- **Term**: explanation`). Headings looked at: " +
      (looked.length > 0 ? looked.join("; ") : "none"),
  });
}

function serviceItems(term: string, explanation: string, line: number): ExtractedItem[] {
  const model = serviceModelOf(term);
  if (!model) return [];
  const stated = layersStated(explanation);
  return SERVICE_LAYERS.map((layer, rowIndex) => {
    const owner = stated[layer.id] ?? DEFAULT_LAYER_OWNERS[model][layer.id];
    return {
      key: serviceItemKey(model, layer.id),
      kind: "MATRIX" as const,
      prompt: `${term}: ${layer.label}`,
      description: layer.description,
      detail: explainServiceLayer(model, term, layer.id, owner),
      owner,
      spec: {
        kind: "MATRIX" as const,
        matrix: SERVICE_MODEL_MATRIX.id,
        title: SERVICE_MODEL_MATRIX.title,
        row: layer.label,
        column: term,
        rowIndex,
        columnIndex: SERVICE_MODELS.indexOf(model),
      },
      // The lesson shows every layer in its service matrix; the link lands on the layer's row.
      anchor: serviceRowAnchor(layer.id),
      serviceModel: term,
      line,
    };
  });
}

function toPlainText(body: string): string {
  return body
    .split("\n")
    .filter((line) => !FENCE.test(line))
    .map((line) => inlineText(line.replace(/^\s*(#{1,6}|[-*+]|\d+\.|>\s*\[![^\]]*\]|>)\s*/, "")).replace(/\|/g, " "))
    .filter(Boolean)
    .join("\n");
}

const SUMMARY_LIMIT = 240;
/** Words whose full stop ends an abbreviation, not a sentence. */
const ABBREVIATION = /\b(e\.g|i\.e|etc|vs|cf|approx|incl|no|fig)\.$/i;

/** Images, embeds and badges (images inside links) have no words a summary could use. */
function withoutImages(markdown: string): string {
  return markdown
    .replace(/!\[\[[^\]\n]*\]\]/g, " ")
    .replace(/!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])/g, " ")
    .replace(/<img\b[^>]*>/gi, " ")
    .replace(/\[\s*\](\([^)]*\)|\[[^\]]*\])/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Shortens text to at most `limit` characters at a boundary a reader expects: after the last whole
 * sentence that fits, or, when even the first sentence is too long, after the last whole word.
 */
export function truncateAtBoundary(text: string, limit = SUMMARY_LIMIT): string {
  if (text.length <= limit) return text;
  let sentenceEnd = 0;
  for (const match of text.matchAll(/[.!?]["'’”)\]]*(?=\s)/g)) {
    const end = (match.index ?? 0) + match[0].length;
    if (end > limit) break;
    if (!ABBREVIATION.test(text.slice(0, end))) sentenceEnd = end;
  }
  if (sentenceEnd > 0) return text.slice(0, sentenceEnd);
  const wordEnd = text.lastIndexOf(" ", limit - 1);
  const cut = wordEnd > 0 ? text.slice(0, wordEnd) : text.slice(0, limit - 1);
  return `${cut.replace(/[\s,;:(\-–—]+$/, "")}…`;
}

/**
 * The first paragraph of prose, shortened at a sentence or word boundary. Headings, lists,
 * callouts, tables, code and HTML are skipped, and so is a paragraph of images or badges only.
 */
export function summarize(body: string): string {
  for (const block of body.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (!trimmed || /^(#|[-*+]\s|>|\||```|~~~|<)/.test(trimmed)) continue;
    const text = inlineText(withoutImages(trimmed.replace(/\s*\n\s*/g, " ")));
    if (/[\p{L}\p{N}]/u.test(text)) return truncateAtBoundary(text);
  }
  return "";
}

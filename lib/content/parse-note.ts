import { parseDocument } from "yaml";
import { z } from "zod";
import { isServiceVariationHeading, outlineLevels, ownerOfHeading } from "./sections";
import {
  DEFAULT_LAYER_OWNERS,
  SERVICE_LAYERS,
  explainServiceLayer,
  layersStated,
  serviceItemKey,
  serviceModelOf,
  serviceRowAnchor,
} from "./service-layers";
import { createAnchorSlugger, slugify, tagSlug } from "./slug";
import { OWNERS, type ContentProblem, type ExtractedItem, type Heading, type Owner, type ParsedNote, type WikiLink } from "./types";
import { WIKI_LINK_PATTERN, parseWikiLinkInner, wikiLinkLabel } from "./wiki-link";

const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(/[,\s]+/)));

const frontmatterSchema = z.looseObject({
  title: z.string().optional(),
  aliases: stringList.optional(),
  tags: stringList.optional(),
  /** Heading text -> owner of the bullets under it; wins over the heading's wording. */
  quiz: z.record(z.string(), z.enum(OWNERS)).optional(),
  /** The group the lesson is listed under on /lessons; see lesson-groups.ts for the default. */
  group: z.string().trim().min(1).optional(),
});

type Frontmatter = z.infer<typeof frontmatterSchema>;

const TAG_LINE = /^\s*(#[\p{L}\p{N}_/-]+\s*)+$/u;
const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;
const TOP_LEVEL_BULLET = /^[-*+]\s+(.*)$/;
const BOLD_TERM = /^\*\*(.+?)\*\*\s*:?\s*(.*)$/;

export interface NoteSource {
  /** Path relative to the content root, for messages. */
  file: string;
  source: string;
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
  const doc = parseDocument(lines.slice(1, end).join("\n"));
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = (error.linePos?.[0]?.line ?? 0) + 1;
      problems.push({ file, line, severity: "error", message: `broken frontmatter: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}` });
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
export function parseNote({ file, source }: NoteSource): ParsedNote {
  const problems: ContentProblem[] = [];
  const format = /\.mdx$/i.test(file) ? "mdx" : "md";
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const { data: frontmatter, bodyStart } = readFrontmatter(lines, file, problems);

  const tags = new Set((frontmatter.tags ?? []).map((t) => tagSlug(t.replace(/^#/, ""))).filter(Boolean));
  const rawHeadings: Array<{ depth: number; raw: string; text: string; index: number }> = [];
  const links: WikiLink[] = [];
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

  const quizOverrides = new Map(Object.entries(frontmatter.quiz ?? {}).map(([heading, owner]) => [heading.trim().toLowerCase(), owner]));
  const ownerOf = (heading: Heading): Owner | undefined => quizOverrides.get(heading.text.toLowerCase()) ?? ownerOfHeading(heading.text);
  const sectionOwners: Record<string, Owner> = {};
  for (const heading of headings) {
    const owner = ownerOf(heading);
    if (owner) sectionOwners[heading.text] = owner;
  }

  const items = extractItems({ lines, headings, file, ownerOf, problems });
  if (Object.keys(sectionOwners).length > 0 && items.length === 0) {
    problems.push({ file, line: headings[0]?.line ?? 1, severity: "warning", message: "note has responsibility sections but yields no quiz items (bullets should read `- **Term**: explanation`)" });
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
    body,
    headings,
    links,
    items,
    sectionOwners,
    summary: summarize(body),
    plainText,
    problems,
  };
}

interface ItemContext {
  lines: string[];
  headings: Heading[];
  file: string;
  ownerOf: (heading: Heading) => Owner | undefined;
  problems: ContentProblem[];
}

function extractItems({ lines, headings, file, ownerOf, problems }: ItemContext): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  const keys = new Set<string>();
  headings.forEach((heading, h) => {
    const owner = ownerOf(heading);
    const service = !owner && isServiceVariationHeading(heading.text);
    if (!owner && !service) return;
    const end = headings[h + 1]?.line ?? lines.length + 1;
    const termsInSection = new Set<string>();
    let inCode = false;
    for (let n = heading.line + 1; n < end; n++) {
      const line = lines[n - 1];
      if (FENCE.test(line)) inCode = !inCode;
      const bullet = !inCode && TOP_LEVEL_BULLET.exec(line);
      const bold = bullet && BOLD_TERM.exec(bullet[1].trim());
      if (!bold) continue;
      const term = inlineText(bold[1]).replace(/:$/, "").trim();
      const explanation = inlineText(bold[2]);
      if (!term) continue;
      if (termsInSection.has(term.toLowerCase())) {
        problems.push({ file, line: n, severity: "warning", message: `term "${term}" repeats within section "${heading.text}"; only the first becomes a quiz item` });
        continue;
      }
      termsInSection.add(term.toLowerCase());
      if (owner) {
        // The same term in two sections of one note needs distinct keys; the section disambiguates.
        const key = keys.has(term) ? `${term} (${heading.text})` : term;
        keys.add(key);
        items.push({ key, kind: "ASSIGN", prompt: term, detail: explanation, owner, anchor: heading.anchor, line: n });
      } else {
        items.push(...serviceItems(term, explanation, n));
      }
    }
  });
  return items;
}

function serviceItems(term: string, explanation: string, line: number): ExtractedItem[] {
  const model = serviceModelOf(term);
  if (!model) return [];
  const stated = layersStated(explanation);
  return SERVICE_LAYERS.map((layer) => {
    const owner = stated[layer.id] ?? DEFAULT_LAYER_OWNERS[model][layer.id];
    return {
      key: serviceItemKey(model, layer.id),
      kind: "SERVICE" as const,
      prompt: `${term}: ${layer.label}`,
      detail: explainServiceLayer(model, term, layer.id, owner),
      owner,
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

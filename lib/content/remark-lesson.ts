import type {
  Blockquote,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import type { ResolvedLink } from "./build-library";
import { gateNoteHtml } from "./note-html";
import { matrixSectionAnchor, outlineLevels, studyLabels } from "./sections";
import { serviceMatrixOf } from "./service-layers";
import { createAnchorSlugger } from "./slug";
import type { ExtractedItem, Owner, ParsedNote } from "./types";
import { WIKI_LINK_PATTERN, parseWikiLinkInner, wikiLinkLabel, type WikiLinkParts } from "./wiki-link";

export interface RemarkLessonOptions {
  note: Pick<ParsedNote, "format" | "sectionOwners" | "items">;
  resolve(link: WikiLinkParts): ResolvedLink;
}

function attribute(name: string, value: string | undefined): MdxJsxAttribute[] {
  return value === undefined ? [] : [{ type: "mdxJsxAttribute", name, value }];
}

function textElement(name: string, attributes: MdxJsxAttribute[], children: PhrasingContent[]): MdxJsxTextElement {
  return { type: "mdxJsxTextElement", name, attributes, children };
}

function flowElement(name: string, attributes: MdxJsxAttribute[], children: MdxJsxFlowElement["children"]): MdxJsxFlowElement {
  return { type: "mdxJsxFlowElement", name, attributes, children };
}

/**
 * Turns a parsed note into the MDX tree of a lesson: wiki links become <LessonLink>, embeds
 * <Embed>, callouts <Callout>, and bullets in responsibility sections <Control owner=...> cards.
 * Headings get GitHub-style ids, the same anchors parse-note.ts computes.
 *
 * For a `.md` note, raw HTML other than the few tags of NOTE_HTML_TAGS is turned into text (see
 * note-html.ts): a note is compiled with MDX's markdown format, so braces, import/export and
 * expressions are never evaluated, and `<script>` shows as text.
 */
export function remarkLesson(options: RemarkLessonOptions) {
  return (tree: Root) => {
    if (options.note.format === "md") gateNoteHtml(tree);
    replaceWikiLinks(tree, options);
    replaceCallouts(tree);
    structureSections(tree, options.note);
  };
}

function replaceWikiLinks(tree: Root, { resolve }: RemarkLessonOptions) {
  visit(tree, "text", (node, index, parent) => {
    if (!parent || index === undefined || !node.value.includes("[[")) return;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(WIKI_LINK_PATTERN)) {
      const start = match.index ?? 0;
      if (start > last) parts.push({ type: "text", value: node.value.slice(last, start) });
      last = start + match[0].length;
      const link = parseWikiLinkInner(match[2]);
      if ("error" in link) {
        parts.push({ type: "text", value: match[0] });
        continue;
      }
      const { href } = resolve(link);
      if (match[1] === "!") {
        parts.push(textElement("Embed", [...attribute("target", link.target), ...attribute("href", href)], []));
      } else {
        parts.push(
          textElement("LessonLink", [...attribute("href", href), ...attribute("target", link.target)], [
            { type: "text", value: wikiLinkLabel(link) },
          ]),
        );
      }
    }
    if (last === 0) return;
    if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
    parent.children.splice(index, 1, ...(parts as never[]));
    return [SKIP, index + parts.length];
  });
}

const CALLOUT = /^\[!([\w-]+)\][+-]?[ \t]*([^\n]*)\n?/;

function replaceCallouts(tree: Root) {
  visit(tree, "blockquote", (node: Blockquote, index, parent) => {
    const first = node.children[0];
    const lead = first?.type === "paragraph" ? first.children[0] : undefined;
    if (!parent || index === undefined || lead?.type !== "text") return;
    const match = CALLOUT.exec(lead.value);
    if (!match) return;
    lead.value = lead.value.slice(match[0].length);
    if (lead.value === "" && first.type === "paragraph") first.children.shift();
    const children = first.type === "paragraph" && first.children.length === 0 ? node.children.slice(1) : node.children;
    const kind = match[1].toLowerCase();
    parent.children[index] = flowElement("Callout", [...attribute("type", kind), ...attribute("title", match[2].trim() || undefined)], children) as never;
  });
}

/**
 * Gives headings their ids and outline levels, marks responsibility sections for study mode (a
 * neutral label, a reveal switch, owner-marked cards) and puts the service matrix into the first
 * "Variation by Service" section, after its bullets.
 */
function structureSections(tree: Root, note: RemarkLessonOptions["note"]) {
  const anchorOf = createAnchorSlugger();
  const headings = tree.children.filter((node): node is Heading => node.type === "heading");
  const levels = outlineLevels(headings.map((h) => h.depth));
  const anchors = headings.map((h) => anchorOf(toString(h)));
  const outline = headings.map((h, i) => ({ text: toString(h), anchor: anchors[i] }));
  const labels = studyLabels(outline, note.sectionOwners);
  const matrix = serviceMatrixOf(note.items);
  const matrixAt = matrix ? matrixSectionAnchor(outline, note.sectionOwners) : undefined;
  let section: { anchor: string; owner?: Owner; matrix: boolean } | undefined;
  const children: RootContent[] = [];
  const placeMatrix = () => {
    if (!section?.matrix || !matrix) return;
    children.push(
      flowElement(
        "ServiceMatrix",
        [...attribute("matrix", JSON.stringify(matrix)), ...attribute("section", section.anchor)],
        [],
      ),
    );
    section.matrix = false;
  };
  for (const node of tree.children) {
    if (node.type !== "heading") {
      const items = note.items.filter((item) => item.kind === "ASSIGN" && item.anchor === section?.anchor);
      if (node.type === "table" && section && items.length > 0) {
        children.push(tableControls(node, section, items));
        continue;
      }
      children.push(node.type === "list" && section?.owner ? controlList(node, section, items) : node);
      if (node.type === "list") placeMatrix();
      continue;
    }
    placeMatrix();
    const i = headings.indexOf(node);
    const text = toString(node);
    const anchor = anchors[i];
    const owner = note.sectionOwners[text];
    const label = labels.get(anchor);
    node.depth = levels[i] as Heading["depth"];
    node.data = {
      ...node.data,
      hProperties: {
        id: anchor,
        ...(label ? { dataStudyLabel: label, dataRevealBy: anchor } : {}),
      },
    };
    children.push(node);
    if (owner) children.push(flowElement("RevealToggle", attribute("section", anchor), []));
    section = { anchor, owner, matrix: anchor === matrixAt };
  }
  placeMatrix();
  tree.children = children;
}

/**
 * A list in a responsibility section: each bullet that is a quiz item becomes a control card, with
 * the term split from its explanation as the parser split it (`**Term**: …`, `Term: …`, `Term — …`,
 * or a whole sentence).
 */
function controlList(
  list: List,
  { owner, anchor }: { owner?: Owner; anchor: string },
  items: ExtractedItem[],
): RootContent {
  const cards = list.children.map((item: ListItem) => {
    const paragraph = item.children[0];
    if (!paragraph || paragraph.type !== "paragraph") return flowElement("li", [], item.children);
    const strong = paragraph.children[0];
    if (strong?.type !== "strong") return plainControl(item, paragraph, owner, items);
    const rest = paragraph.children.slice(1);
    const lead = rest[0];
    if (lead?.type === "text") lead.value = lead.value.replace(/^\s*:\s*/, "");
    const term = toString(strong).replace(/:$/, "");
    const explanation: Paragraph = { type: "paragraph", children: rest };
    return flowElement("Control", [...attribute("owner", owner), ...attribute("term", term)], [explanation, ...item.children.slice(1)]);
  });
  return flowElement("ControlList", [...attribute("owner", owner), ...attribute("section", anchor)], cards);
}

/** A bullet without a bold term: a card when its text starts with an item's term, else a bullet. */
function plainControl(
  item: ListItem,
  paragraph: Paragraph,
  owner: Owner | undefined,
  items: ExtractedItem[],
) {
  // Images, badges and inline HTML before the term are decoration; the parser skipped them too.
  // Allowed HTML (an <img>) stays an html node (note-html.ts); any other tag has become text.
  const decoration = (node: PhrasingContent) =>
    node.type === "image" ||
    node.type === "html" ||
    (node.type === "text" && /^\s*(<[^>]*>\s*)*$/.test(node.value));
  const start = paragraph.children.findIndex((node) => !decoration(node));
  const lead = paragraph.children[start];
  if (lead?.type !== "text") return flowElement("li", [], item.children);
  const leadText = lead.value.trimStart().replace(/^\*\*/, "");
  const longestFirst = [...items].sort((a, b) => b.prompt.length - a.prompt.length);
  const control = longestFirst.find((i) => leadText.startsWith(i.prompt));
  if (!control) return flowElement("li", [], item.children);
  lead.value = leadText.slice(control.prompt.length).replace(/^\s*(?::|\s[-–—])\s*/, "");
  const rest: Paragraph = { type: "paragraph", children: paragraph.children.slice(start) };
  const body = toString(rest).trim() ? [rest] : [];
  return flowElement(
    "Control",
    [...attribute("owner", owner), ...attribute("term", control.prompt)],
    [...body, ...item.children.slice(1)],
  );
}

/**
 * A table whose rows the parser made quiz items of: the items become control cards, each marked
 * with its own owner (an `AWS | Customer` table gives cards of both). Study mode can hide the owner
 * only where the section has a reveal switch, that is under a heading that names one owner.
 */
function tableControls(table: Table, section: { owner?: Owner; anchor: string }, items: ExtractedItem[]): RootContent {
  const cells = new Set(table.children.slice(1).flatMap((row) => row.children.map((cell) => toString(cell).trim())));
  const cards = items
    .filter((item) => cells.has(item.prompt))
    .map((item) =>
      flowElement(
        "Control",
        [...attribute("owner", item.owner), ...attribute("term", item.prompt)],
        item.detail ? [{ type: "paragraph", children: [{ type: "text", value: item.detail }] }] : [],
      ),
    );
  if (cards.length === 0) return table;
  return flowElement(
    "ControlList",
    [...attribute("owner", section.owner), ...attribute("section", section.owner ? section.anchor : undefined)],
    cards,
  );
}

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
import { isCardLine } from "./control-extras";
import { viewOfNoteMatrix, viewOfServiceModels, type MatrixView } from "./matrix-view";
import { gateNoteHtml } from "./note-html";
import { MATRIX_ELEMENT, matrixRevealSection } from "./note-matrix";
import { matrixSectionAnchor, outlineLevels, studyLabels } from "./sections";
import { serviceMatrixOf } from "./service-layers";
import { createAnchorSlugger, slugify } from "./slug";
import { inlineText } from "./parse-note";
import { isControlKind, type ExtractedItem, type NoteAnnotation, type NoteMatrix, type Owner, type ParsedNote } from "./types";
import { WIKI_LINK_PATTERN, parseWikiLinkInner, wikiLinkLabel, type WikiLinkParts } from "./wiki-link";

export interface RemarkLessonOptions {
  note: Pick<ParsedNote, "format" | "sectionOwners" | "items" | "matrices" | "annotations">;
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
    // Before the wiki links are replaced, so that links in an annotation's text become lesson links.
    insertAnnotations(tree, options.note.annotations ?? []);
    replaceWikiLinks(tree, options);
    replaceCallouts(tree);
    replaceMatrixElements(tree, options);
    structureSections(tree, options);
  };
}

/** The one element every matrix table becomes: its view as JSON, and its study-mode switch. */
function matrixElement(view: MatrixView, section: string | undefined): MdxJsxFlowElement {
  return flowElement(
    "ServiceMatrix",
    [...attribute("matrix", JSON.stringify(view)), ...attribute("section", section)],
    [],
  );
}

function noteMatrixElement(matrix: NoteMatrix, { resolve }: RemarkLessonOptions) {
  return matrixElement(viewOfNoteMatrix(matrix, resolve), matrixRevealSection(matrix));
}

/**
 * `<ResponsibilityMatrix title="...">` around a table, in an `.mdx` lesson: drawn from the matrix
 * parse-note.ts read from the same lines (note-matrix.ts), so the lesson shows what the quiz asks.
 */
function replaceMatrixElements(tree: Root, options: RemarkLessonOptions) {
  visit(tree, "mdxJsxFlowElement", (node: MdxJsxFlowElement, index, parent) => {
    if (!parent || index === undefined || node.name !== MATRIX_ELEMENT) return;
    const title = node.attributes.find(
      (a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === "title",
    )?.value;
    if (typeof title !== "string") return;
    const matrix = options.note.matrices.find((m) => !m.section && m.id === slugify(title));
    if (!matrix) return;
    parent.children[index] = noteMatrixElement(matrix, options) as never;
    return SKIP;
  });
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

/**
 * Puts each annotation (annotations.ts) beside what it qualifies: inside the bullet's list item, so
 * that it becomes part of the control card, or right after the heading. The note text is untouched.
 */
function insertAnnotations(tree: Root, annotations: NoteAnnotation[]) {
  for (const annotation of annotations) {
    const element = annotationElement(annotation);
    const wanted = annotation.target.text.toLowerCase();
    if (annotation.target.kind === "heading") {
      const index = tree.children.findIndex(
        (node) => node.type === "heading" && inlineText(toString(node)).toLowerCase() === wanted,
      );
      if (index >= 0) tree.children.splice(index + 1, 0, element);
      continue;
    }
    const item = tree.children
      .filter((node): node is List => node.type === "list")
      .flatMap((list) => list.children)
      .find((listItem) => bulletTerm(listItem)?.toLowerCase() === wanted);
    item?.children.push(element);
  }
}

/** The term of a bullet as the parser reads it: the bold lead, or the text before ":" or a dash. */
function bulletTerm(item: ListItem): string | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== "paragraph") return undefined;
  const strong = paragraph.children.find((node) => node.type === "strong");
  if (strong) return inlineText(toString(strong)).replace(/:$/, "");
  return inlineText(toString(paragraph)).split(/:\s|\s[-–—]\s/)[0];
}

function annotationElement(annotation: NoteAnnotation): MdxJsxFlowElement {
  const source: Paragraph = {
    type: "paragraph",
    children: [
      { type: "text", value: "Source: " },
      { type: "link", url: annotation.source.url, children: [{ type: "text", value: annotation.source.title }] },
    ],
  };
  return flowElement(
    "Annotation",
    [...attribute("title", annotation.title), ...attribute("target", annotation.target.text)],
    [{ type: "paragraph", children: [{ type: "text", value: annotation.text }] }, source],
  );
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
 * neutral label, a reveal switch, owner-marked cards), puts the service-model matrix into the first
 * "Variation by Service" section, after its bullets, and draws each "Service matrix" table.
 */
function structureSections(tree: Root, options: RemarkLessonOptions) {
  const { note } = options;
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
    children.push(matrixElement(viewOfServiceModels(matrix), section.anchor));
    section.matrix = false;
  };
  // The first table under a "Service matrix" heading is its matrix (note-matrix.ts).
  const tableMatrices = new Map(note.matrices.flatMap((m) => (m.section ? [[m.section, m]] : [])));
  for (const node of tree.children) {
    const tableMatrix = section && node.type === "table" && tableMatrices.get(section.anchor);
    if (tableMatrix) {
      children.push(noteMatrixElement(tableMatrix, options));
      tableMatrices.delete(tableMatrix.section ?? "");
      continue;
    }
    if (node.type !== "heading") {
      const items = note.items.filter((item) => isControlKind(item.kind) && item.anchor === section?.anchor);
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
    const control = items.find((i) => i.prompt === term);
    // A bullet the quiz does not ask (its term names its owner, say) is prose, not a control card.
    if (!control) return flowElement("li", [], item.children);
    const explanation: Paragraph = { type: "paragraph", children: rest };
    return flowElement("Control", controlAttributes(owner, control), [explanation, ...withoutCardLines(item.children.slice(1))]);
  });
  return flowElement("ControlList", [...attribute("owner", owner), ...attribute("section", anchor)], cards);
}

/**
 * A card's attributes: its owner and term, the neutral description study mode shows until the
 * reader reveals the owner, and the AWS page that backs the owner.
 */
function controlAttributes(owner: Owner | undefined, control: ExtractedItem): MdxJsxAttribute[] {
  return [
    ...attribute("owner", owner),
    ...attribute("term", control.prompt),
    ...attribute("description", control.description || undefined),
    ...attribute("sourceTitle", control.citation?.title),
    ...attribute("sourceUrl", control.citation?.url),
  ];
}

/** A card's nested lines without its `What it is:` and `Source:` lines, which the card shows itself. */
function withoutCardLines(nodes: ListItem["children"]): ListItem["children"] {
  const kept: ListItem["children"] = [];
  for (const node of nodes) {
    if (node.type !== "list") {
      kept.push(node);
      continue;
    }
    const lines = node.children.filter((child) => !isCardLine(toString(child.children[0] ?? child)));
    if (lines.length > 0) kept.push({ ...node, children: lines });
  }
  return kept;
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
  return flowElement("Control", controlAttributes(owner, control), [...body, ...withoutCardLines(item.children.slice(1))]);
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
        controlAttributes(item.owner, item),
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

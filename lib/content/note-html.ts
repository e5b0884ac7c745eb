import { nodeTypes, type EvaluateOptions } from "@mdx-js/mdx";
import type { Element, ElementContent, Root as HastRoot, Properties, RootContent } from "hast";
import type { Html, Paragraph, Root, Text } from "mdast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import { SKIP, visit } from "unist-util-visit";

/**
 * The HTML a `.md` note may hold, as people write it in Obsidian: line breaks, images, folds,
 * super- and subscripts, tables, links, keys, paragraphs and blocks (for `align`).
 * Any other tag (`<script>`, `<style>`, `<iframe>`, `<svg>`, `<b>`...) shows as text.
 */
export const NOTE_HTML_TAGS = [
  "a",
  "br",
  "caption",
  "details",
  "div",
  "hr",
  "img",
  "kbd",
  "p",
  "sub",
  "summary",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
] as const;

const ALLOWED = new Set<string>(NOTE_HTML_TAGS);
/** A tag, comment, declaration or processing instruction: whatever starts HTML markup after `<`. */
const MARKUP = /<(!--[\s\S]*?-->|\/?([A-Za-z][A-Za-z0-9-]*)|[!?/])/g;

/** Whether every tag in a raw HTML fragment is one a note may use; comments are allowed. */
export function isAllowedNoteHtml(html: string): boolean {
  for (const match of html.matchAll(MARKUP)) {
    if (match[1].startsWith("!--")) continue;
    if (!match[2] || !ALLOWED.has(match[2].toLowerCase())) return false;
  }
  return true;
}

/**
 * Remark step of a `.md` note: raw HTML made only of NOTE_HTML_TAGS stays HTML (rehype-raw parses
 * it and rehype-sanitize cleans it later); any other raw HTML becomes text, as before HTML was
 * allowed, so `<script>alert(1)</script>` reads as written and never runs.
 */
export function gateNoteHtml(tree: Root): void {
  visit(tree, "html", (node: Html, index, parent) => {
    if (!parent || index === undefined || isAllowedNoteHtml(node.value)) return;
    const text: Text = { type: "text", value: node.value };
    const inPhrasing = parent.type !== "root" && parent.type !== "blockquote" && parent.type !== "listItem";
    parent.children[index] = (inPhrasing ? text : ({ type: "paragraph", children: [text] } satisfies Paragraph)) as never;
    return SKIP;
  });
}

const SLOT = "mdx-slot";
const HEADING_ATTRIBUTES = ["id", "dataStudyLabel", "dataRevealBy"];
const ALIGN = ["align"];

/**
 * What survives in a `.md` lesson, built from rehype-sanitize's GitHub-style default: its tags, but
 * a short attribute list instead of its broad `*` one. No `style`, no event handler, no `id` but a
 * heading's (from the note's own headings) and footnotes'; links and images only by http(s) (and
 * mailto for links) or a relative URL. `mdx-slot` stands in for the lesson's own components while
 * the tree is sanitised (see rehypeNoteHtml).
 */
export const NOTE_HTML_SCHEMA = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), SLOT],
  attributes: {
    "*": ["title", "lang", "dir"],
    a: [
      "href",
      "ariaLabel",
      "ariaDescribedBy",
      "dataFootnoteRef",
      "dataFootnoteBackref",
      ["className", "data-footnote-backref"],
      ["id", /^user-content-fnref-/],
    ],
    img: ["src", "alt", "width", "height", ...ALIGN],
    code: [["className", /^language-./]],
    h1: HEADING_ATTRIBUTES,
    h2: [...HEADING_ATTRIBUTES, ["className", "sr-only"]],
    h3: HEADING_ATTRIBUTES,
    h4: HEADING_ATTRIBUTES,
    h5: HEADING_ATTRIBUTES,
    h6: HEADING_ATTRIBUTES,
    li: [["id", /^user-content-fn-/], ["className", "task-list-item"]],
    ul: [["className", "contains-task-list"]],
    ol: ["start", ["className", "contains-task-list"]],
    input: [["disabled", true], ["type", "checkbox"], "checked"],
    section: ["dataFootnotes", ["className", "footnotes"]],
    details: ["open"],
    p: ALIGN,
    div: ALIGN,
    td: [...ALIGN, "colSpan", "rowSpan"],
    th: [...ALIGN, "colSpan", "rowSpan", "scope"],
    [SLOT]: ["dataMdxSlot"],
  },
  clobber: [],
  protocols: { href: ["http", "https", "mailto"], src: ["http", "https"] },
  strip: ["script", "style"],
};

/**
 * The rehype plugins of a `.md` lesson: parse its allowed raw HTML, sanitise the whole tree, then show
 * images the CSP would block as links. rehype-sanitize drops node types it does not know, so the
 * lesson's own components (MDX JSX nodes made by remarkLesson from trusted code) are swapped for
 * `mdx-slot` elements while it runs, and swapped back, their children sanitised with the rest.
 */
export function rehypeNoteHtml(): NonNullable<EvaluateOptions["rehypePlugins"]> {
  const slots = new Map<string, RootContent>();
  const nonce = Math.random().toString(36).slice(2);
  const hide = () => (tree: HastRoot) => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined || !(nodeTypes as readonly string[]).includes(node.type)) return;
      const key = `${nonce}-${slots.size}`;
      slots.set(key, node as RootContent);
      const children = "children" in node ? (node.children as ElementContent[]) : [];
      parent.children[index] = { type: "element", tagName: SLOT, properties: { dataMdxSlot: key }, children };
    });
  };
  const restore = () => (tree: HastRoot) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (!parent || index === undefined || node.tagName !== SLOT) return;
      const original = slots.get(String(node.properties.dataMdxSlot));
      const replacement = original && "children" in original ? [{ ...original, children: node.children }] : node.children;
      parent.children.splice(index, 1, ...(replacement as ElementContent[]));
      return index;
    });
  };
  return [[rehypeRaw, { passThrough: [...nodeTypes] }], hide, [rehypeSanitize, NOTE_HTML_SCHEMA], restore, rehypeBlockedImages];
}

/**
 * Whether the lesson page may load an image from `src`. The CSP's `img-src` is `'self' data:`
 * (lib/security-headers.ts), so an image on another host would show as a broken image.
 */
export function isImageAllowed(src: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src) || /^data:/i.test(src);
}

/**
 * An image the CSP blocks (a badge, a screenshot on another host) becomes a link to it, labelled
 * with its alt text; inside a link (a badge), it becomes just that text.
 */
export function rehypeBlockedImages() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (!parent || index === undefined || node.tagName !== "img") return;
      const src = typeof node.properties.src === "string" ? node.properties.src : "";
      if (!src || isImageAllowed(src)) return;
      const alt = typeof node.properties.alt === "string" ? node.properties.alt.trim() : "";
      const label: ElementContent = { type: "text", value: alt || src };
      const inLink = parent.type === "element" && parent.tagName === "a";
      const properties: Properties = { href: src };
      parent.children[index] = inLink ? label : { type: "element", tagName: "a", properties, children: [label] };
    });
  };
}

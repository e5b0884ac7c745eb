/** Matches `[[...]]` and `![[...]]`; the inner text is validated by parseWikiLinkInner. */
export const WIKI_LINK_PATTERN = /(!?)\[\[([^\]\n]*)\]\]/g;

export interface WikiLinkParts {
  target: string;
  heading?: string;
  alias?: string;
}

/** Splits `Note#Heading|alias`; returns an error message for an empty or malformed link. */
export function parseWikiLinkInner(inner: string): WikiLinkParts | { error: string } {
  if (inner.trim() === "") return { error: "empty wiki link [[]]" };
  if (inner.includes("[")) return { error: `malformed wiki link [[${inner}]]: it contains "["` };
  const pipe = inner.indexOf("|");
  // In a table the alias pipe is written `\|` (Obsidian, GFM), so that it does not start a new cell.
  const left = pipe >= 0 ? inner.slice(0, pipe).replace(/\\$/, "") : inner;
  const alias = pipe >= 0 ? inner.slice(pipe + 1).trim() : undefined;
  const hash = left.indexOf("#");
  const target = (hash >= 0 ? left.slice(0, hash) : left).trim().replace(/\.mdx?$/i, "");
  const heading = hash >= 0 ? left.slice(hash + 1).trim() : undefined;
  if (target === "" && !heading) return { error: `wiki link [[${inner}]] names no note` };
  if (pipe >= 0 && !alias) return { error: `wiki link [[${inner}]] has an empty alias` };
  return { target, heading: heading || undefined, alias };
}

/** The text a wiki link shows: its alias, else the note (and heading) it names. */
export function wikiLinkLabel({ target, heading, alias }: WikiLinkParts): string {
  if (alias) return alias;
  if (!heading) return target;
  return target ? `${target} › ${heading}` : heading;
}

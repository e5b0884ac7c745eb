import GithubSlugger, { slug } from "github-slugger";

/** Emoji come with invisible companions (variation selectors, joiners) that GitHub's slug keeps. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFE00-\uFE0F]/g;
/** The longest slug an address takes: long enough for any title, short enough to check cheaply. */
export const MAX_SLUG_LENGTH = 200;

/**
 * A note's slug: its title slugged the way GitHub slugs headings, in Unicode NFC. Letters and digits
 * of every script stay as they are ("Introducción a la nube" → `introducción-a-la-nube`,
 * "責任共有モデル" stays), so an address reads in the note's own language; a browser shows it as
 * written and sends it percent-encoded. Emoji, punctuation and symbols go, as on GitHub, with the
 * invisible characters that come with emoji and the dashes they leave at either end
 * ("🌥️ Introducción a la nube" → `introducción-a-la-nube`).
 */
export function slugify(text: string): string {
  return slug(text.normalize("NFC")).replace(INVISIBLE, "").replace(/^-+|-+$/g, "");
}

/** Whether `text` is a slug as slugify makes them: what a lesson's address may hold. */
export function isSlug(text: string): boolean {
  return text.length > 0 && text.length <= MAX_SLUG_LENGTH && slugify(text) === text;
}

/**
 * A slug or tag as it arrives in a route's params: Next hands a dynamic segment over still
 * percent-encoded, so `introducci%C3%B3n-a-la-nube` is decoded here. A slug never holds `%`, so
 * decoding cannot turn one slug into another; a malformed escape is returned as it came and then
 * fails the slug check.
 */
export function fromAddress(segment: string): string {
  if (!segment.includes("%")) return segment.normalize("NFC");
  try {
    return decodeURIComponent(segment).normalize("NFC");
  } catch {
    return segment;
  }
}

/**
 * A lesson's address. The slug (and anchor) are percent-encoded, so a slug in any script can go in
 * a redirect's Location header, which takes ASCII only; the browser shows it decoded.
 */
export function lessonHref(slug: string, anchor?: string): string {
  return `/lessons/${encodeURIComponent(slug)}${anchor ? `#${encodeURIComponent(anchor)}` : ""}`;
}

/** A lesson's quiz page, encoded as lessonHref is. */
export function quizHref(slug: string): string {
  return `/quiz/${encodeURIComponent(slug)}`;
}

/** A per-document slugger, so repeated headings get `-1`, `-2` suffixes as on GitHub. */
export function createAnchorSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}

/**
 * Tags that name one thing in two ways, and the one they become: a lesson tagged either is listed
 * under the second. README "How notes become lessons" lists them.
 */
export const TAG_ALIASES: Readonly<Record<string, string>> = {
  network: "networking",
  networks: "networking",
  container: "containers",
  database: "databases",
  log: "logging",
  logs: "logging",
};

/** A tag as lessons are grouped by it: lower case, in NFC, and its alias resolved. */
export function tagSlug(tag: string): string {
  const lower = tag.normalize("NFC").toLowerCase();
  return TAG_ALIASES[lower] ?? lower;
}

import GithubSlugger, { slug } from "github-slugger";

/** A note's slug: its title slugged the way GitHub slugs headings. */
export function slugify(text: string): string {
  return slug(text);
}

/** A per-document slugger, so repeated headings get `-1`, `-2` suffixes as on GitHub. */
export function createAnchorSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}

export function tagSlug(tag: string): string {
  return tag.toLowerCase();
}

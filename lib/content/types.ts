export const OWNERS = ["AWS", "CUSTOMER", "SHARED"] as const;
export type Owner = (typeof OWNERS)[number];

export type Severity = "error" | "warning";

export interface ContentProblem {
  file: string;
  line: number;
  severity: Severity;
  message: string;
}

export interface Heading {
  /** The number of `#` in the note. */
  depth: number;
  /** The level it renders at on the lesson page (2–6): see outlineLevels in sections.ts. */
  level: number;
  text: string;
  anchor: string;
  line: number;
}

export interface WikiLink {
  /** The note named in the link, as written ("" for a link to a heading of the same note). */
  target: string;
  heading?: string;
  alias?: string;
  embed: boolean;
  line: number;
}

export type ServiceModel = "IaaS" | "PaaS" | "SaaS";

export interface ExtractedItem {
  /** Stable within a note: the term for control items, `service:<model>:<layer>` for service items. */
  key: string;
  kind: "ASSIGN" | "SERVICE";
  prompt: string;
  detail: string;
  owner: Owner;
  /** Anchor of the lesson section the item comes from. */
  anchor: string;
  serviceModel?: string;
  line: number;
  /** Where the owner came from, for `content:check --items`: the section heading and its rule. */
  source?: ItemSource;
}

export interface ItemSource {
  heading: string;
  /** Line of the heading the owner came from. */
  line: number;
  /** A pattern id from responsibility-headings.ts, or "frontmatter quiz:", or "table column". */
  rule: string;
}

export interface ParsedNote {
  /** Path relative to the content root, used in messages. */
  file: string;
  format: "md" | "mdx";
  title: string;
  slug: string;
  aliases: string[];
  tags: string[];
  /** Frontmatter `group`, when the author names the lesson's group on /lessons. */
  group?: string;
  /** The note body with frontmatter, tag lines and the title heading removed. */
  body: string;
  headings: Heading[];
  links: WikiLink[];
  items: ExtractedItem[];
  /** Owner of each responsibility section, by heading text; the renderer marks control cards with it. */
  sectionOwners: Record<string, Owner>;
  /** Plain text for search and summaries. */
  summary: string;
  plainText: string;
  problems: ContentProblem[];
}

export const OWNERS = ["AWS", "CUSTOMER", "SHARED"] as const;
export type Owner = (typeof OWNERS)[number];

export type Severity = "error" | "warning";

export interface ContentProblem {
  file: string;
  line: number;
  severity: Severity;
  message: string;
  /**
   * A warning of a kind that the curated, shipped content must not have at all: content:check makes
   * it an error there (see scripts/content-check.ts). A user's vault only sees the warning.
   */
  strict?: "owner-leak" | "uncited";
}

/** The AWS documentation page that backs an item's owner. */
export interface Citation {
  title: string;
  url: string;
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

/**
 * What a quiz item asks. Every item is one graded question with one right answer:
 * - ASSIGN: who owns a control (an owner);
 * - SERVICE: who owns a control on one AWS service: a control of a service note (a note tagged
 *   #service), where the owner holds for that service only (an owner);
 * - MATRIX: one cell of a responsibility matrix, a control on one service (an owner);
 * - SPLIT: one half of a Shared control, the AWS half or the customer half (one of its statements);
 * - SCENARIO: one part of an incident story, whose failure it was (an owner) or which control failed
 *   (one of its options).
 * Matrix cells, split halves and scenario parts are shown together, by the group their spec names.
 */
export const ITEM_KINDS = ["ASSIGN", "SERVICE", "MATRIX", "SPLIT", "SCENARIO"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The kinds that ask who owns a control named by the item's prompt, from a note's sections. */
export function isControlKind(kind: ItemKind): kind is "ASSIGN" | "SERVICE" {
  return kind === "ASSIGN" || kind === "SERVICE";
}

/** A statement a learner picks from: a split half's candidates, a scenario's failed controls. */
export interface ItemOption {
  /** Stable and opaque (a hash of the text), so that neither its order nor its key gives it away. */
  key: string;
  text: string;
}

/** The presentation of a grouped item, stored with each item version as JSON. */
export type ItemSpec =
  | {
      kind: "SERVICE";
      /** The service the control belongs to: its note's title, "Amazon EC2". */
      service: string;
    }
  | {
      kind: "MATRIX";
      /** The matrix's id within its note, and its title. */
      matrix: string;
      title: string;
      row: string;
      column: string;
      rowIndex: number;
      columnIndex: number;
    }
  | {
      kind: "SPLIT";
      /** The Shared control's term. */
      control: string;
      half: "AWS" | "CUSTOMER";
      statements: ItemOption[];
    }
  | {
      kind: "SCENARIO";
      /** The scenario's id (its file name's slug), its title and story. */
      scenario: string;
      title: string;
      story: string;
      part: "owner" | "control";
      /** The failed-control choices of the "control" part; empty for the "owner" part. */
      options: ItemOption[];
      /** The lessons the explanation sends the learner to. */
      notes: Array<{ slug: string; title: string }>;
    };

export interface ExtractedItem {
  /**
   * Stable within a note: the term for control items, `service:<model>:<layer>` for the seed's
   * service-model matrix, `matrix:<matrix>:<row>:<column>`, `split:<term>:aws|customer`,
   * `scenario:<id>:owner|control`.
   */
  key: string;
  kind: ItemKind;
  prompt: string;
  /**
   * What the control is, in words that name no owner (owner-leak.ts): the card's text before
   * grading. "" when the note gives none that is neutral: the card then shows the term alone.
   */
  description: string;
  /** The explanation of who owns it and why, shown after grading. */
  detail: string;
  /** The AWS page that backs the owner, shown with the explanation. */
  citation?: Citation;
  /** Who owns the control; for a split half, the half's side; for a scenario, whose failure it was. */
  owner: Owner;
  /** For items answered with one of their options: the right option's key. */
  answerKey?: string;
  spec?: ItemSpec;
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

/** A column of a service matrix: a service, named by a wiki link to its note. */
export interface MatrixColumn {
  /** The note the header's wiki link names, as written: "Amazon EC2". */
  note: string;
  /** What the header shows: the link's alias, else the note. */
  label: string;
  /** The note's slug, for item keys: "amazon-ec2". */
  slug: string;
}

/** A row of a service matrix: a control, and its owner on each service (undefined: not asked). */
export interface MatrixRow {
  label: string;
  slug: string;
  /** The row's id on the lesson page: where a matrix item's lesson link lands. */
  anchor: string;
  line: number;
  cells: Array<Owner | undefined>;
}

/**
 * A service matrix a note defines, in either syntax (see note-matrix.ts): a table under a
 * "Service matrix" heading, or `<ResponsibilityMatrix title="...">` around a table in an `.mdx` lesson.
 */
export interface NoteMatrix {
  /** The title's slug, unique in the note: the `<matrix>` of its items' keys. */
  id: string;
  title: string;
  /** Line of the table's header row. */
  line: number;
  /** The anchor of the "Service matrix" heading above it; undefined for the `.mdx` element. */
  section?: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
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
  /**
   * Frontmatter `formerSlugs`: addresses the lesson had before a rename. The old address redirects
   * to the new one, and the content sync moves the learners' history to the new slug.
   */
  formerSlugs: string[];
  /** The note body with frontmatter, tag lines and the title heading removed. */
  body: string;
  headings: Heading[];
  links: WikiLink[];
  items: ExtractedItem[];
  /** The service matrices the note defines, in reading order; their cells are MATRIX items. */
  matrices: NoteMatrix[];
  /** The AWS documentation links under the note's Sources heading (sources.ts). */
  sources: string[];
  /** Owner of each responsibility section, by heading text; the renderer marks control cards with it. */
  sectionOwners: Record<string, Owner>;
  /** Plain text for search and summaries. */
  summary: string;
  plainText: string;
  problems: ContentProblem[];
  /** Cited qualifications shown beside the note's bullets or sections (annotations.ts). */
  annotations?: NoteAnnotation[];
}

export interface NoteAnnotation {
  /** The bullet's term (a control or a "Variation by Service" bullet) or the section's heading. */
  target: { kind: "bullet" | "heading"; text: string };
  /** Anchor of the section the target is in, or of the heading itself. */
  anchor: string;
  title: string;
  /** Plain text; wiki links become lesson links. */
  text: string;
  source: { title: string; url: string };
}

import type { Scenario } from "./scenarios";
import { OWNERS, isControlKind, type ContentProblem, type Owner, type ParsedNote } from "./types";

/**
 * One owner per control per service. A control is the same control when it is named, after
 * normalising, by the same words on the same service:
 *
 * - the service is the note the control is written in (a service note such as "Amazon RDS", or a
 *   concept note such as "Platform as a Service (PaaS)", whose controls hold for that model), or,
 *   for an incident scenario with a `term:`, its first note;
 * - the words are the term, lower-cased, without accents, punctuation, a qualifier in brackets
 *   ("Operating System Patching (RDS)") or a leading "the", and with the synonyms below folded
 *   into one name ("Database engine maintenance" is "Engine patching").
 *
 * A service matrix's cells are held to their service notes by matrix-agreement.ts, with the same
 * effect. Two places that give one control two owners are an error naming both `file:line`s, for
 * the curated content and a user's vault alike: one of them teaches the opposite of the truth.
 */
const SYNONYMS: ReadonlyArray<readonly string[]> = [
  ["guest os patching", "operating system patching", "os patching", "guest operating system patching"],
  [
    "engine patching",
    "runtime or engine patching",
    "database engine patching",
    "database engine maintenance",
    "engine maintenance",
    "engine updates",
    "database engine updates",
  ],
  ["identity and access", "identity and access management", "iam", "access management"],
  ["encryption at rest", "data encryption at rest", "encryption of data at rest"],
  ["network traffic rules", "security group rules", "firewall rules"],
];

const CANONICAL = new Map(SYNONYMS.flatMap((group) => group.map((name) => [name, group[0]] as const)));

/** The words a control is recognised by: "Operating System Patching (RDS)" → "guest os patching". */
export function normaliseControl(term: string): string {
  const words = term
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
  return CANONICAL.get(words) ?? words;
}

/** One place that names a control's owner. */
export interface OwnerClaim {
  service: string;
  term: string;
  owner: Owner;
  file: string;
  line: number;
}

const OWNER_WORD: Record<Owner, string> = { AWS: "AWS", CUSTOMER: "Customer", SHARED: "Shared" };

/** Every owner the notes and scenarios give a control, with where they give it. */
export function ownerClaims(notes: ParsedNote[], scenarios: Scenario[]): OwnerClaim[] {
  const claims: OwnerClaim[] = notes.flatMap((note) =>
    note.items
      .filter((item) => isControlKind(item.kind))
      .map((item) => ({ service: note.title, term: item.prompt, owner: item.owner, file: note.file, line: item.line })),
  );
  for (const scenario of scenarios) {
    if (!scenario.term || !OWNERS.includes(scenario.owner)) continue;
    claims.push({
      service: scenario.notes[0].title,
      term: scenario.term,
      owner: scenario.owner,
      file: scenario.file,
      line: scenario.termLine ?? scenario.line,
    });
  }
  return claims;
}

/**
 * The contradictions among the claims: for each control on a service named with two owners, an
 * error at every place that disagrees with the first, naming both places.
 */
export function findContradictions(claims: OwnerClaim[]): ContentProblem[] {
  const first = new Map<string, OwnerClaim>();
  const problems: ContentProblem[] = [];
  for (const claim of claims) {
    const key = `${claim.service.toLowerCase()}\u0000${normaliseControl(claim.term)}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, claim);
      continue;
    }
    if (earlier.owner === claim.owner) continue;
    problems.push({
      file: claim.file,
      line: claim.line,
      severity: "error",
      message:
        `"${claim.term}" on ${claim.service} is ${OWNER_WORD[claim.owner]} here, but ${earlier.file}:${earlier.line} ` +
        `makes "${earlier.term}" ${OWNER_WORD[earlier.owner]}: one control on one service has one owner`,
    });
  }
  return problems;
}

/** A scenario's `term:` must name a control of its first note: it says which control it is about. */
export function unknownScenarioTerms(notes: ParsedNote[], scenarios: Scenario[]): ContentProblem[] {
  const bySlug = new Map(notes.map((note) => [note.slug, note]));
  return scenarios.flatMap((scenario) => {
    if (!scenario.term) return [];
    const note = bySlug.get(scenario.notes[0].slug);
    const wanted = normaliseControl(scenario.term);
    const controls = (note?.items ?? []).filter((item) => isControlKind(item.kind));
    if (controls.some((item) => normaliseControl(item.prompt) === wanted)) return [];
    return [
      {
        file: scenario.file,
        line: scenario.termLine ?? scenario.line,
        severity: "error" as const,
        message: `term "${scenario.term}" is no control of ${scenario.notes[0].title} (its controls: ${
          controls.map((item) => item.prompt).join(", ") || "none"
        })`,
      },
    ];
  });
}

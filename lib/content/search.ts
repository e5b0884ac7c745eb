import MiniSearch, { type SearchResult } from "minisearch";

const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
import type { ParsedNote } from "./types";

/** One lesson as app/search-index.json ships it to the browser, which builds the index itself. */
export interface SearchDocument {
  id: string;
  title: string;
  aliases: string;
  tags: string;
  /** The section headings and the bold terms that open bullets, one a line. */
  headings: string;
  summary: string;
  text: string;
}

/** A run of a snippet's text: `match` runs are the words the query found, shown in `<mark>`. */
export interface TextPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  slug: string;
  title: string;
  /** The title in parts, its matching words marked. */
  titleParts: TextPart[];
  summary: string;
  /** A passage of the lesson around the best match; empty when only the title or tags matched. */
  snippet: TextPart[];
}

/**
 * How much a match counts in each field: a word in the title outweighs one in a heading or a bullet's
 * term, which outweighs one in the body. The body has no boost: it is the baseline.
 */
const FIELD_BOOST = { title: 6, aliases: 4, headings: 2, tags: 1.5 };

/**
 * Prefix and typo matches count for little beside the word itself, so an exact word always comes
 * first: "patching" must not lose to "watching" (CloudWatch), as it did with a flat `fuzzy: 0.2`.
 */
const MATCH_WEIGHT = { prefix: 0.3, fuzzy: 0.1 };

/** A stem ("patch" from "patching") counts for less than the word typed. */
const STEM_BOOST = 0.5;

/** Words too common to rank by, in the two languages the notes are written in. */
const STOP_WORDS = new Set(
  (
    "a an and are as at be by for from in into is it its of on or that the their this to was with " +
    "al con de del el en es la las lo los para por que se su sus un una y"
  ).split(" "),
);

/** A word's letters only, lower-cased and without accents: "Introducción" finds "introduccion". */
function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * A light stemmer, English first: "patching", "patched" and "patches" all give "patch", "policies"
 * gives "policy". It is deliberately crude: the word itself is indexed as well, so a wrong stem only
 * adds a weak match. Short words (AWS, KMS, EBS) are left alone.
 */
export function stemWord(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith("ies")) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && /(s|x|z|ch|sh)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && /[^su]s$/.test(stem) && !stem.endsWith("is")) stem = stem.slice(0, -1);
  else if (stem.length > 5 && stem.endsWith("ing")) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith("ed")) stem = stem.slice(0, -2);
  if (stem !== word && /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ss|ll)$/.test(stem)) {
    stem = stem.slice(0, -1); // "logging" -> "logg" -> "log"
  }
  if (stem.length > 4 && stem.endsWith("e")) stem = stem.slice(0, -1); // "manage", "managed" -> "manag"
  return stem;
}

/** A word as the index holds it: folded, and beside its stem when that differs. Stop words go. */
function processTerm(term: string): string | string[] | null {
  const word = foldWord(term);
  if (word === "" || STOP_WORDS.has(word)) return null;
  const stem = stemWord(word);
  return stem === word ? word : [word, stem];
}

/** Whether query term `i` is the stem processTerm put after the word the learner typed. */
function isStem(i: number, terms: string[]): boolean {
  const typed = terms[i - 1];
  return i > 0 && typed !== terms[i] && stemWord(typed) === terms[i];
}

/**
 * Typo tolerance grows with the word: none below 5 letters (KMS, IAM, S3 are exact or nothing), one
 * edit up to 8, two from 9 ("cloudtrial"). A word the lessons use is taken as meant, so "patching"
 * never also finds "watching"; a stem is matched as it is.
 */
function fuzziness(vocabulary: Set<string>) {
  return (term: string, i: number, terms: string[]): number | false => {
    if (isStem(i, terms) || term.length < 5 || vocabulary.has(term)) return false;
    return term.length < 9 ? 1 : 2;
  };
}

/** Completes a word being typed ("pat" finds "patching") from its third letter. */
function prefixes(term: string, i: number, terms: string[]): boolean {
  return term.length >= 3 && !isStem(i, terms);
}

/** JSX in `.mdx` lessons ("<Callout ...>", matrix rows in braces) is markup, not text to search. */
function withoutMarkup(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/<\/?[A-Za-z][^>]*>?/g, " ").trim())
    .filter((line) => line !== "" && !/^[{}[\]]/.test(line))
    .join("\n");
}

/** The bold term that opens a bullet: "- **Patch Management**: ...". */
const BULLET_TERM = /^\s*(?:[-*+]|\d+\.)\s+\*\*(.+?)\*\*/;

/** What the index route ships for each lesson: everything search reads, and nothing a quiz hides. */
export function toSearchDocuments(notes: ParsedNote[]): SearchDocument[] {
  return notes.map((note) => {
    const terms = note.body.split("\n").flatMap((line) => BULLET_TERM.exec(line)?.[1] ?? []);
    return {
      id: note.slug,
      title: note.title,
      aliases: note.aliases.join(" "),
      tags: note.tags.join(" "),
      headings: [...note.headings.map((heading) => heading.text), ...terms].join("\n"),
      summary: note.summary,
      text: withoutMarkup(note.plainText),
    };
  });
}

/** Words with their offsets, as MiniSearch's default tokenizer splits them (on spaces and punctuation). */
function wordsOf(text: string): Array<{ start: number; end: number; word: string }> {
  return [...text.matchAll(/[^\s\p{Z}\p{P}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    word: m[0],
  }));
}

/** Whether a word of the text is one the index matched (`terms`: the result's matched index terms). */
function matches(word: string, terms: Set<string>): boolean {
  const folded = foldWord(word);
  return terms.has(folded) || terms.has(stemWord(folded));
}

/** Splits `text` into plain and matching parts. */
export function markMatches(text: string, terms: Set<string>): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const { start, end, word } of wordsOf(text)) {
    if (!matches(word, terms)) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: word, match: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

const SNIPPET_LENGTH = 180;
/** How much of the line before the first match a snippet keeps, to show what the match is about. */
const SNIPPET_LEAD = 50;

/**
 * The passage that best shows why a lesson matched: the line (a paragraph or a bullet) with the most
 * different words typed in the query, then the most different matching words of any kind (stems,
 * completions), then the most matches, first in the lesson on a tie. It is cut to about `length`
 * characters at word boundaries around its first match, with "…" where it was cut.
 */
export function makeSnippet(
  text: string,
  terms: Set<string>,
  typed: Set<string>,
  length = SNIPPET_LENGTH,
): TextPart[] {
  let best: { line: string; rank: number[]; first: number } | undefined;
  for (const line of text.split("\n")) {
    const found = wordsOf(line).filter(({ word }) => matches(word, terms));
    if (found.length === 0) continue;
    const folded = found.map(({ word }) => foldWord(word));
    const rank = [
      new Set(folded.filter((word) => typed.has(word))).size,
      new Set(folded.map(stemWord)).size,
      found.length,
    ];
    if (!best || isGreater(rank, best.rank)) best = { line, rank, first: found[0].start };
  }
  if (!best) return [];
  const { line, first } = best;
  let start = 0;
  let end = line.length;
  if (line.length > length) {
    start = Math.max(0, Math.min(first - SNIPPET_LEAD, line.length - length));
    end = Math.min(line.length, start + length);
    // Start at the sentence of the match when it begins within the lead; else out of mid-word.
    const sentence = line.lastIndexOf(". ", first);
    if (sentence >= start) start = sentence + 2;
    else if (start > 0) start = line.indexOf(" ", start) + 1 || start;
    const space = line.lastIndexOf(" ", end);
    if (end < line.length && space > start) end = space;
  }
  const parts = markMatches(line.slice(start, end).trim(), terms);
  if (start > 0) parts.unshift({ text: "…", match: false });
  if (end < line.length) parts.push({ text: "…", match: false });
  return parts;
}

/** Compares ranks made of several counts, the first deciding. */
function isGreater(a: number[], b: number[]): boolean {
  const i = a.findIndex((value, j) => value !== b[j]);
  return i >= 0 && a[i] > b[i];
}

/** A text's words in order as stems, stop words left out: what phrase matches are counted on. */
function stemsOf(text: string): string[] {
  return wordsOf(text)
    .map(({ word }) => foldWord(word))
    .filter((word) => !STOP_WORDS.has(word))
    .map(stemWord);
}

/** How often consecutive words of the query stand together in the lesson ("security group"). */
function countPhrases(stems: string[], query: string[]): number {
  let count = 0;
  for (let q = 0; q + 1 < query.length; q++) {
    for (let i = 0; i + 1 < stems.length; i++) {
      if (stems[i] === query[q] && stems[i + 1] === query[q + 1]) count++;
    }
  }
  return count;
}

/**
 * How much the words of a query standing together, as typed, adds to a lesson's score: "security
 * groups" is the VPC lesson's subject, though "security" alone is in every lesson. Logarithmic, so
 * that the lesson that says it most does not win by repetition alone.
 */
const PHRASE_BOOST = 1;

/**
 * Full-text search over titles, aliases, headings, tags and bodies, ranked by BM25 with the field
 * boosts above and a bonus for the query's words standing together. Each hit carries its title and a
 * snippet with the matching words marked. The index is built in the browser from the documents;
 * `limit` keeps the snippets to the results shown.
 */
export function createSearch(documents: SearchDocument[]): (query: string, limit?: number) => SearchHit[] {
  const vocabulary = new Set<string>();
  const index = new MiniSearch<SearchDocument>({
    fields: ["title", "aliases", "headings", "tags", "text"],
    storeFields: ["title", "summary"],
    // Only indexing names the field: the words indexed are the vocabulary typos are corrected to.
    processTerm: (term, field) => {
      const terms = processTerm(term);
      if (field) for (const word of [terms ?? []].flat()) vocabulary.add(word);
      return terms;
    },
    searchOptions: {
      boost: FIELD_BOOST,
      weights: MATCH_WEIGHT,
      prefix: prefixes,
      fuzzy: fuzziness(vocabulary),
      boostTerm: (_term, i, terms) => (isStem(i, terms) ? STEM_BOOST : 1),
    },
  });
  index.addAll(documents);
  const byId = new Map(
    documents.map((document) => [
      document.id,
      { text: document.text, stems: stemsOf(`${document.title}\n${document.headings}\n${document.text}`) },
    ]),
  );
  return (query, limit = Infinity) => {
    const words = typedWords(query);
    if (words.size === 0) return [];
    const phrase = tokenize(query)
      .map(foldWord)
      .filter((word) => word !== "" && !STOP_WORDS.has(word))
      .map(stemWord);
    const typed = new Set(tokenize(query).map(foldWord));
    return index
      .search(query)
      .map((result) => {
        const phrases = phrase.length > 1 ? countPhrases(byId.get(String(result.id))?.stems ?? [], phrase) : 0;
        return { result, score: rescore(result, words) * (1 + PHRASE_BOOST * Math.log2(1 + phrases)) };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ result }) => {
        const slug = String(result.id);
        // The index terms the lesson matched: words, stems, completions and near words alike.
        const terms = new Set(result.terms);
        return {
          slug,
          title: String(result.title),
          titleParts: markMatches(String(result.title), terms),
          summary: String(result.summary),
          snippet: makeSnippet(byId.get(slug)?.text ?? "", terms, typed),
        };
      });
  };
}

/** The query's terms as processTerm gives them, each with the index of the word typed that gave it. */
function typedWords(query: string): Map<string, number> {
  const words = new Map<string, number>();
  tokenize(query).forEach((token, i) => {
    for (const term of [processTerm(token) ?? []].flat()) if (!words.has(term)) words.set(term, i);
  });
  return words;
}

/**
 * MiniSearch multiplies a score by how many query terms matched, and to it a word and its stem are
 * two terms: "security groups" would favour lessons that say "groups" over those that say "group".
 * Counting the words typed instead keeps the stem a help, not a bonus.
 */
function rescore(result: SearchResult, words: Map<string, number>): number {
  const typed = new Set(result.queryTerms.map((term) => words.get(term)));
  return (result.score / result.queryTerms.length) * typed.size;
}

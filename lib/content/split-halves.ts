import { optionKey, toOptions } from "./options";
import { describeLeaks, findOwnerLeaks } from "./owner-leak";
import type { Citation, ContentProblem, ExtractedItem, Owner } from "./types";

/**
 * The two halves of a Shared control, written as bullets nested under it:
 *
 *     - **Patch Management**: AWS patches the hosts; the customer patches guest systems.
 *       - AWS half: Patches the host operating system and the hypervisor.
 *       - Customer half: Patches the guest operating system and its software.
 *       - Neither: Lets the instances patch themselves.
 *
 * Each half becomes an item of kind SPLIT answered by picking its statement from all of them; up to
 * two "Neither" statements make it harder. Other nested bullets are prose and are left alone.
 */
const HALF = /^(?:\*\*)?(aws half|customer half|neither)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$/i;
const MAX_NEITHER = 2;

export interface SplitSource {
  key: string;
  term: string;
  owner: Owner;
  anchor: string;
  children: Array<{ line: number; text: string }>;
  /** The Shared control's source, which backs its halves too. */
  citation?: Citation;
}

export function splitHalves(
  control: SplitSource,
  inline: (markdown: string) => string,
  warn: (line: number, message: string, strict?: ContentProblem["strict"]) => void,
): ExtractedItem[] {
  const halves = control.children.flatMap((child) => {
    const match = HALF.exec(child.text);
    if (!match) return [];
    const label = match[1].toLowerCase();
    return [{ label, text: inline(match[2]).trim(), line: child.line }];
  });
  if (halves.length === 0) return [];
  const first = halves[0].line;
  const skip = (why: string) => {
    warn(first, `the halves of "${control.term}" are not quiz items: ${why}`);
    return [];
  };
  if (control.owner !== "SHARED") return skip(`only a Shared control has halves, and this one is ${control.owner}`);
  const aws = halves.filter((h) => h.label === "aws half");
  const customer = halves.filter((h) => h.label === "customer half");
  const neither = halves.filter((h) => h.label === "neither");
  if (aws.length !== 1 || customer.length !== 1)
    return skip("write exactly one `AWS half:` and one `Customer half:` line");
  if (neither.length > MAX_NEITHER) return skip(`write at most ${MAX_NEITHER} \`Neither:\` lines`);
  // The statements are the choices, seen before answering: one that names its side is the answer.
  const leaking = halves.find((h) => findOwnerLeaks(h.text).length > 0);
  if (leaking) {
    warn(
      leaking.line,
      `the halves of "${control.term}" are not quiz items: the statement "${leaking.text}" ${describeLeaks(findOwnerLeaks(leaking.text))}, which gives its side away`,
      "owner-leak",
    );
    return [];
  }
  const texts = halves.map((h) => h.text);
  if (new Set(texts.map((t) => t.toLowerCase())).size !== texts.length)
    return skip("two of its statements say the same thing");
  const statements = toOptions(texts);
  const explanation = `AWS's half: ${sentence(aws[0].text)} The customer's half: ${sentence(customer[0].text)}`;
  return [
    { half: aws[0], side: "AWS" as const, id: "aws", whose: "AWS's" },
    { half: customer[0], side: "CUSTOMER" as const, id: "customer", whose: "the customer's" },
  ].map(({ half, side, id, whose }) => ({
    key: `split:${control.key}:${id}`,
    kind: "SPLIT" as const,
    prompt: `${control.term}: which statement is ${whose} half?`,
    description: "",
    detail: explanation,
    ...(control.citation ? { citation: control.citation } : {}),
    owner: side,
    answerKey: optionKey(half.text),
    spec: { kind: "SPLIT" as const, control: control.term, half: side, statements },
    anchor: control.anchor,
    line: half.line,
  }));
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

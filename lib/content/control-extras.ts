import { describeLeaks, findOwnerLeaks } from "./owner-leak";
import type { Citation } from "./types";

/**
 * The two nested lines a control bullet may carry besides a Shared control's halves:
 *
 *     - **Guest OS patching**: Patching the guest OS is the customer's job.   ← explanation
 *       - What it is: Applying security patches to the OS inside each instance.   ← before grading
 *       - Source: [Security in Amazon EC2](https://docs.aws.amazon.com/…) — “a quoted sentence”
 *
 * The explanation says who and why, and is shown after grading. The description says what the
 * control is, and is the card's text before grading, so it must not name an owner. The source is
 * the AWS page that backs the owner, shown with the explanation as a link.
 */
const nestedLabel = (words: string) =>
  new RegExp(String.raw`^(?:\*\*)?(?:${words})(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(.*)$`, "iu");
/** The labels in the six languages of the responsibility headings: en, es, pt, fr, de, ja. */
const WHAT_IT_IS = nestedLabel("what it is|qué es|que es|o que é|ce que c'est|was es ist|概要");
const SOURCE = nestedLabel("source|fuente|fonte|quelle|出典");
const AWS_HOSTS = new Set(["docs.aws.amazon.com", "aws.amazon.com"]);

/** Whether a nested line is a control's `What it is:` or `Source:` line, in any of the languages. */
export function isCardLine(text: string): boolean {
  const first = text.trim().split("\n")[0];
  return WHAT_IT_IS.test(first) || SOURCE.test(first);
}

/** Pages AWS marks as historical or that document an SDK, not who owns a control. */
const NOT_A_SOURCE: Array<{ pattern: RegExp; why: string }> = [
  { pattern: /^\/whitepapers\/latest\/aws-risk-and-compliance\//, why: "the Risk and Compliance whitepaper is marked by AWS as for historical reference only" },
  { pattern: /^\/(?:sdk-for-|sdkref\/|AWSJavaSDK|AWSJavaScriptSDK|sdkfornet)/i, why: "an SDK reference documents an API, not who owns a control" },
];

export interface ControlExtras {
  /** The neutral description, or "" when there is none that is neutral. */
  description: string;
  citation?: Citation;
  /** Lines to leave out of the lesson's nested list: they are shown as part of the card. */
  lines: number[];
  warnings: Array<{ line: number; message: string; strict?: "owner-leak" | "uncited" }>;
}

/** Whether a link may back an owner: https on AWS's documentation hosts, and not a page AWS retired. */
export function checkAwsSource(
  url: string,
): { ok: true } | { ok: false; why: string; onAwsHost: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, why: "it is not a web address", onAwsHost: false };
  }
  if (parsed.protocol !== "https:" || !AWS_HOSTS.has(parsed.hostname)) {
    return {
      ok: false,
      why: "it is not an https:// page on docs.aws.amazon.com or aws.amazon.com",
      onAwsHost: false,
    };
  }
  const retired = NOT_A_SOURCE.find(({ pattern }) => pattern.test(parsed.pathname));
  return retired ? { ok: false, why: retired.why, onAwsHost: true } : { ok: true };
}

/** A markdown link at the start of `text`: `[Page title](https://…)`, its title and address. */
export function readMarkdownLink(text: string): { title: string; url: string } | null {
  const link = /^\[([^\]]+)\]\((\S+?)\)/.exec(text.trim());
  return link ? { title: link[1].trim(), url: link[2] } : null;
}

/**
 * Reads a control's description and source from its nested lines. Without a `What it is:` line,
 * the explanation serves as the description when it names no owner; else the card shows the term
 * alone, with a warning that says how to fix it.
 */
export function readControlExtras(
  term: string,
  explanation: string,
  line: number,
  children: Array<{ line: number; text: string }>,
  inline: (markdown: string) => string,
): ControlExtras {
  const warnings: ControlExtras["warnings"] = [];
  const lines: number[] = [];
  let description: string | undefined;
  let citation: Citation | undefined;
  for (const child of children) {
    const what = WHAT_IT_IS.exec(child.text);
    if (what) {
      lines.push(child.line);
      const text = inline(what[1]).trim();
      const leaks = findOwnerLeaks(text);
      if (leaks.length > 0) {
        warnings.push({
          line: child.line,
          strict: "owner-leak",
          message: `the description of "${term}" ${describeLeaks(leaks)}, which tells the learner the owner before they answer; the card shows the term alone until it is reworded`,
        });
        description = "";
      } else {
        description = text;
      }
      continue;
    }
    const source = SOURCE.exec(child.text);
    if (!source) continue;
    lines.push(child.line);
    const link = readMarkdownLink(source[1]);
    const checked = link ? checkAwsSource(link.url) : undefined;
    if (!link || !checked?.ok) {
      warnings.push({
        line: child.line,
        strict: "uncited",
        message: `the source of "${term}" is not used: ${link && checked && !checked.ok ? checked.why : "write it as a markdown link, [Page title](https://docs.aws.amazon.com/…)"}`,
      });
      continue;
    }
    citation = { title: inline(link.title).trim(), url: link.url };
  }
  if (description === undefined) {
    const leaks = findOwnerLeaks(explanation);
    if (leaks.length === 0) {
      description = explanation;
    } else {
      description = "";
      warnings.push({
        line,
        strict: "owner-leak",
        message: `the explanation of "${term}" ${describeLeaks(leaks)}, so the quiz shows the term alone before grading; add a nested "What it is:" line that describes the control without naming an owner`,
      });
    }
  }
  return { description, ...(citation ? { citation } : {}), lines, warnings };
}

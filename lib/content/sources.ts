import type { Heading } from "./types";

const SOURCES_HEADING = /^sources:?$/i;
const AWS_LINK = /\]\((https:\/\/(?:docs\.aws\.amazon\.com|aws\.amazon\.com)\/[^)\s]*)\)/g;

/**
 * The AWS documentation a note cites: the links to docs.aws.amazon.com or aws.amazon.com under its
 * "Sources" heading, up to the next heading of the same or a higher level. Every owner a service
 * note teaches must be defensible from one of these pages.
 */
export function awsSourcesOf(lines: string[], headings: Heading[]): string[] {
  const heading = headings.find((h) => SOURCES_HEADING.test(h.text.trim()));
  if (!heading) return [];
  const next = headings.find((h) => h.line > heading.line && h.depth <= heading.depth);
  const section = lines.slice(heading.line, next ? next.line - 1 : lines.length).join("\n");
  return [...section.matchAll(AWS_LINK)].map((match) => match[1]);
}

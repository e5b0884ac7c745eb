import { Fragment } from "react";
import type { TextPart } from "@/lib/content/search";

/**
 * Text with the words a search matched in `<mark>`. The parts are rendered as React text, never as
 * HTML: a note's words cannot become markup, whatever they contain.
 */
export function MarkedText({ parts }: { parts: TextPart[] }) {
  return parts.map((part, i) =>
    part.match ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
  );
}

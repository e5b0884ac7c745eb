import type { ReactNode } from "react";

/**
 * Study mode is a checkbox (#study-mode) and pure CSS, so it works without JavaScript. Anything
 * that names an owner is rendered twice: the real text and a neutral one. The stylesheet shows one
 * and sets the other to display:none, so a screen reader reads the same text that is on screen.
 */
export function StudyText({ real, neutral }: { real: ReactNode; neutral: ReactNode }) {
  return (
    <>
      <span className="real-text">{real}</span>
      <span className="study-text">{neutral}</span>
    </>
  );
}

/** The checkbox that reveals one section's owners in study mode; hidden when study mode is off. */
export function RevealToggle({ section, label }: { section?: string; label?: string }) {
  if (!section) return null;
  return (
    <p className="reveal-toggle">
      <input type="checkbox" id={`reveal-${section}`} />
      <label htmlFor={`reveal-${section}`}>{label ?? "Show who owns these controls"}</label>
    </p>
  );
}

function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&").replace(/[\n\r]/g, " ")}"`;
}

/**
 * One section's reveal switch must uncover its heading, its table-of-contents entry (which sits in
 * another part of the page) and its cards or matrix. CSS cannot pair a checkbox with elements by an
 * id it reads from an attribute, so the lesson page writes these few rules for its own sections.
 */
export function studyRevealCss(sections: string[]): string {
  return sections
    .map((section) => {
      const scope = `.lesson-layout:has([id=${cssString(`reveal-${section}`)}]:checked) [data-reveal-by=${cssString(section)}]`;
      return [
        `${scope} .real-text{display:inline}`,
        `${scope} .study-text{display:none}`,
        `${scope} .control-owner{display:inline}`,
        `${scope} .annotation{display:block}`,
        `${scope} .control-explanation{display:block}`,
        `${scope} .control-description{display:none}`,
        `${scope} .control-head::after{content:none}`,
      ].join("\n");
    })
    .join("\n");
}

/**
 * Where a quiz item's owner came from, as the lesson's "Quiz items in this note" and the author's
 * preview both show it: the heading and its line, and the rule that read it; a service-model layer
 * has none of its own.
 */
export function OwnerSource({
  source,
}: {
  source: { heading: string; line: number; rule: string } | null | undefined;
}) {
  if (!source) return <>its service-model layer</>;
  return (
    <>
      “{source.heading}”, line {source.line}{" "}
      <span className="quiz-items-line">rule {source.rule}</span>
    </>
  );
}

import { MASTERY_LABELS, type MasteryLevel } from "@/lib/quiz/mastery";

const ICONS: Record<MasteryLevel, string> = {
  "not-started": "○",
  attempted: "◔",
  familiar: "◑",
  proficient: "◕",
  mastered: "●",
};

/** A mastery level as an icon plus its name: readable without colour. */
export function MasteryBadge({ level }: { level: MasteryLevel }) {
  return (
    <span className={`mastery mastery-${level}`}>
      <span aria-hidden="true">{ICONS[level]}</span> {MASTERY_LABELS[level]}
    </span>
  );
}

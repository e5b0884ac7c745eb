import { MASTERY_LABELS, MASTERY_LEVELS, type MasteryLevel } from "@/lib/quiz/mastery";

/**
 * A circle that fills as mastery grows (a dashed empty ring, a quarter, a half, three quarters, full
 * with a tick), as on Khan Academy's mastery grid: the shape says the level, colour only helps.
 */
function Pie({ level }: { level: MasteryLevel }) {
  const c = 8;
  const r = 6.5;
  const share = MASTERY_LEVELS.indexOf(level) / (MASTERY_LEVELS.length - 1);
  const angle = share * 2 * Math.PI;
  const end = { x: c + r * Math.sin(angle), y: c - r * Math.cos(angle) };
  const wedge =
    share > 0 && share < 1
      ? `M${c},${c} L${c},${c - r} A${r},${r} 0 ${share > 0.5 ? 1 : 0} 1 ${end.x.toFixed(2)},${end.y.toFixed(2)} Z`
      : null;
  return (
    <svg
      className="mastery-pie"
      viewBox="0 0 16 16"
      width="1.15em"
      height="1.15em"
      aria-hidden="true"
      focusable="false"
    >
      <circle
        cx={c}
        cy={c}
        r={r}
        fill={share === 1 ? "currentColor" : "var(--surface)"}
        stroke="currentColor"
        strokeWidth="1.5"
        strokeDasharray={share === 0 ? "2.5 2" : undefined}
      />
      {wedge ? <path d={wedge} fill="currentColor" /> : null}
      {share === 1 ? (
        <path
          d="M4.8 8.3l2.1 2.1 4.3-4.6"
          fill="none"
          stroke="var(--surface)"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : null}
    </svg>
  );
}

/**
 * A mastery level as its icon and its name. `quiet` keeps "Not started" to the icon with the name for
 * screen readers only, so that a grid's empty cells do not crowd out the ones with news.
 */
export function MasteryIcon({ level, quiet = false }: { level: MasteryLevel; quiet?: boolean }) {
  const hideLabel = quiet && level === "not-started";
  return (
    <span className={`mastery-icon mastery-${level}`}>
      <Pie level={level} />
      <span className={hideLabel ? "visually-hidden" : "mastery-label"}>
        {MASTERY_LABELS[level]}
      </span>
    </span>
  );
}

/** The five levels with their icons: the key to a grid of MasteryIcons. */
export function MasteryLegend() {
  return (
    <ul className="mastery-legend" aria-label="Mastery levels">
      {MASTERY_LEVELS.map((level) => (
        <li key={level}>
          <MasteryIcon level={level} />
        </li>
      ))}
    </ul>
  );
}

export interface ChartPoint {
  label: string;
  value: number;
}

/** A small SVG line chart of values from 0 to 100, with a text table for screen readers. */
export function LineChart({
  points,
  title,
  unit = "%",
}: {
  points: ChartPoint[];
  title: string;
  unit?: string;
}) {
  const width = 640;
  const height = 200;
  const pad = 28;
  const x = (i: number) =>
    pad +
    (points.length <= 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) =>
    height - pad - (Math.max(0, Math.min(100, v)) / 100) * (height - 2 * pad);
  const path = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(" ");
  return (
    <figure>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line
              x1={pad}
              x2={width - pad}
              y1={y(v)}
              y2={y(v)}
              stroke="currentColor"
              strokeOpacity="0.15"
            />
            <text x={4} y={y(v) + 4} fontSize="11" fill="currentColor">
              {v}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2.5" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.value)} r="4" fill="currentColor">
            <title>{`${p.label}: ${p.value}${unit}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="visually-hidden">
        {title}: {points.map((p) => `${p.label} ${p.value}${unit}`).join(", ")}
      </figcaption>
    </figure>
  );
}

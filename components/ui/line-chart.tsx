"use client";

import { useViewerZone } from "@/components/ui/local-time";
import { formatDayShort, formatWhen, labelledDays, layoutDayAxis } from "@/lib/charts/day-axis";

export interface ChartPoint {
  /**
   * An ISO date-time (an attempt: drawn on the viewer's own calendar and clock), or a date with no
   * time, "YYYY-MM-DD" (a daily figure: drawn on that day in every zone).
   */
  date: string;
  /** From 0 to 100, already rounded by the caller (scorePercent or sharePercent). */
  value: number;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

/**
 * Each series gets a colour, a dash pattern and a marker shape, so that lines stay apart without
 * colour: in print, for colour-blind readers, and in forced-colours mode.
 */
const DASHES = ["", "7 4", "2 3", "10 3 2 3"];
const MARKERS = ["circle", "square", "triangle", "diamond", "cross", "ring"] as const;
type Marker = (typeof MARKERS)[number];
const COLOURS = 6;

// Drawn at about the size it is shown in a dashboard panel, so that its text stays readable there
// and, scaled down, on a phone.
const WIDTH = 480;
const HEIGHT = 240;
const PAD = { left: 44, right: 16, top: 12, bottom: 30 };
/** With more points than this on a line, markers go on every few points only, and the last. */
const MARKERS_MAX = 12;
/** The room a date label ("28 Dec") takes under the axis, in the chart's units. */
const LABEL_WIDTH = 48;

function MarkerShape({ shape, x, y }: { shape: Marker; x: number; y: number }) {
  const r = 4;
  switch (shape) {
    case "square":
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case "triangle":
      return <path d={`M${x},${y - r - 1} L${x + r + 1},${y + r} L${x - r - 1},${y + r} Z`} />;
    case "diamond":
      return (
        <path d={`M${x},${y - r - 1} L${x + r + 1},${y} L${x},${y + r + 1} L${x - r - 1},${y} Z`} />
      );
    case "cross":
      return (
        <path
          d={`M${x - r},${y - r} L${x + r},${y + r} M${x + r},${y - r} L${x - r},${y + r}`}
          fill="none"
          strokeWidth="2.5"
        />
      );
    case "ring":
      return <circle cx={x} cy={y} r={r} fill="var(--surface)" strokeWidth="2" />;
    default:
      return <circle cx={x} cy={y} r={r} />;
  }
}

function look(index: number) {
  return {
    colour: `var(--chart-${(index % COLOURS) + 1})`,
    dash: DASHES[index % DASHES.length],
    marker: MARKERS[index % MARKERS.length],
  };
}

/** A legend swatch: the series' line, dash and marker, as drawn in the chart. */
function Swatch({ index }: { index: number }) {
  const { colour, dash, marker } = look(index);
  return (
    <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
      <g stroke={colour} fill={colour}>
        <line x1="1" x2="33" y1="7" y2="7" strokeWidth="2.5" strokeDasharray={dash || undefined} />
        <MarkerShape shape={marker} x={17} y={7} />
      </g>
    </svg>
  );
}

/**
 * A line chart over time of values from 0 to 100: one line per series, dates on the x-axis, a
 * legend, and the same figures as a table for anyone who cannot see the lines.
 */
export function LineChart({
  title,
  series,
  unit = "%",
  from,
  to,
}: {
  title: string;
  series: ChartSeries[];
  unit?: string;
  /** The x-axis range; by default the first and last point. */
  from?: string;
  to?: string;
}) {
  // The server cannot know the viewer's zone: it lays out in UTC, and the browser lays out again in
  // its own zone on hydration (as LocalTime does), so that an evening attempt stays on its day.
  const zone = useViewerZone() ?? "UTC";
  const shown = series.filter((s) => s.points.length > 0);
  const dates = shown.flatMap((s) => s.points.map((p) => p.date));
  const axis = layoutDayAxis(dates, zone, { from, to });
  // Low figures get a shorter scale (0-25% or 0-50%), named on the axis, rather than a flat line.
  const top = Math.max(...shown.flatMap((s) => s.points.map((p) => p.value)));
  const yMax = top <= 25 ? 25 : top <= 50 ? 50 : 100;
  const yStep = yMax === 100 ? 25 : yMax / 5;
  const yTicks = Array.from({ length: yMax / yStep + 1 }, (_, k) => k * yStep);
  const slotWidth = (WIDTH - PAD.left - PAD.right) / Math.max(1, axis.slots);
  const xAt = (slots: number) => PAD.left + slots * slotWidth;
  const x = (date: string) => xAt(axis.at(date));
  const y = (v: number) =>
    HEIGHT - PAD.bottom - (Math.max(0, Math.min(yMax, v)) / yMax) * (HEIGHT - PAD.top - PAD.bottom);
  const labels = labelledDays(axis.bands, LABEL_WIDTH / slotWidth);
  const byTime = (a: ChartPoint, b: ChartPoint) => Date.parse(a.date) - Date.parse(b.date);

  // The table: one row per time (per day for a daily figure), one column per series.
  const rows = [...new Set(dates)].sort((a, b) => Date.parse(a) - Date.parse(b));
  const valueAt = (s: ChartSeries, date: string) => s.points.find((p) => p.date === date)?.value;
  const summary = shown
    .map((s) => {
      const latest = [...s.points].sort(byTime).at(-1)!;
      return `${s.name}: ${latest.value}${unit} on ${formatWhen(latest.date, zone)}`;
    })
    .join("; ");

  if (shown.length === 0) return <p>No data yet.</p>;
  return (
    <figure className="line-chart">
      <svg
        className="chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}. Latest: ${summary}. The table below lists every figure.`}
      >
        {yTicks.map((v) => (
          <g key={v}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(v)}
              y2={y(v)}
              stroke="currentColor"
              strokeOpacity={v === 0 ? 0.5 : 0.12}
            />
            <text x={PAD.left - 6} y={y(v) + 4} fontSize="12" textAnchor="end" fill="currentColor">
              {v}
              {unit}
            </text>
          </g>
        ))}
        {axis.bands.length <= 62
          ? axis.bands
              .slice(1)
              .map((band) => (
                <line
                  key={band.day}
                  x1={xAt(band.start)}
                  x2={xAt(band.start)}
                  y1={HEIGHT - PAD.bottom}
                  y2={HEIGHT - PAD.bottom + 5}
                  stroke="currentColor"
                  strokeOpacity={0.5}
                />
              ))
          : null}
        {labels.map((band) => (
          <text
            key={band.day}
            x={xAt(band.start + band.width / 2)}
            y={HEIGHT - 9}
            fontSize="12"
            textAnchor="middle"
            fill="currentColor"
            data-day={band.day}
          >
            {formatDayShort(band.day)}
          </text>
        ))}
        {shown.map((s, i) => {
          const { colour, dash, marker } = look(series.indexOf(s));
          const points = [...s.points].sort(byTime);
          const path = points
            .map((p, j) => `${j === 0 ? "M" : "L"}${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`)
            .join(" ");
          return (
            <g key={s.name} stroke={colour} fill={colour} data-series={i}>
              <path
                d={path}
                fill="none"
                strokeWidth="2.5"
                strokeDasharray={dash || undefined}
                strokeLinejoin="round"
              />
              {points.map((p, j) =>
                points.length <= MARKERS_MAX ||
                j === points.length - 1 ||
                j % Math.ceil(points.length / MARKERS_MAX) === 0 ? (
                  <g key={j}>
                    <title>{`${s.name}, ${formatWhen(p.date, zone)}: ${p.value}${unit}`}</title>
                    <MarkerShape shape={marker} x={x(p.date)} y={y(p.value)} />
                  </g>
                ) : null,
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend" aria-label={`Legend: ${title}`}>
          {shown.map((s) => (
            <li key={s.name}>
              <Swatch index={series.indexOf(s)} /> {s.name}
            </li>
          ))}
        </ul>
        <details className="chart-data">
          <summary>{title}: the figures as a table</summary>
          <div className="table-scroll" role="region" aria-label={`${title}: figures`} tabIndex={0}>
            <table className="data-table" aria-label={`${title}: figures`}>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  {shown.map((s) => (
                    <th key={s.name} scope="col">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((date) => (
                  <tr key={date}>
                    <th scope="row">
                      <time dateTime={date}>{formatWhen(date, zone)}</time>
                    </th>
                    {shown.map((s) => {
                      const v = valueAt(s, date);
                      return <td key={s.name}>{v === undefined ? "—" : `${v}${unit}`}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}

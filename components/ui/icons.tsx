import type { SVGProps } from "react";

/**
 * Inline SVG icons: they draw in every font, unlike emoji, and take the text colour. Each is
 * decorative (aria-hidden): the text beside it carries the meaning.
 */
const PATHS = {
  // Owners
  cloud: "M7 18h10a4 4 0 0 0 .5-7.97A6 6 0 0 0 6.1 9.2 4.5 4.5 0 0 0 7 18z",
  person: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0",
  shared: "M4 8h13m-3-3 3 3-3 3M20 16H7m3-3-3 3 3 3",
  // Outcomes
  check: "M5 12.5l4.5 4.5L19 7.5",
  circle: "M12 20a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
  cross: "M6 6l12 12M18 6L6 18",
  repeat: "M4 11a8 8 0 0 1 14.3-4.9M19 3v4h-4M20 13a8 8 0 0 1-14.3 4.9M5 21v-4h4",
  // Navigation and tools
  menu: "M4 7h16M4 12h16M4 17h16",
  search: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zm5-2 4 4",
  close: "M6 6l12 12M18 6L6 18",
  "chevron-left": "M15 5l-7 7 7 7",
  "chevron-right": "M9 5l7 7-7 7",
  "chevron-down": "M5 9l7 7 7-7",
  sun: "M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2m0 16v2M4.9 4.9l1.4 1.4m11.4 11.4 1.4 1.4M2 12h2m16 0h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4",
  moon: "M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z",
  grip: "M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01",
  board: "M4 5h4v14H4zm6 0h4v14h-4zm6 0h4v14h-4z",
  card: "M6 4h12v16H6z",
  flag: "M5 21V4m0 0h11l-2 4 2 4H5",
  book: "M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2zm0 0v16",
  clock: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zm0-13v4l3 2",
  download: "M12 4v11m-5-5 5 5 5-5M5 20h14",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({
  name,
  size = "1.1em",
  ...props
}: { name: IconName; size?: string } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={name === "grip" ? 3 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className="icon"
      {...props}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

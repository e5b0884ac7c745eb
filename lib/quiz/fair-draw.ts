/**
 * A Shared control can be asked two ways: its owner ("Patch management": AWS, Customer or Shared?)
 * or its halves ("Pick the statement that describes AWS's part in patch management"). A half's
 * question presumes that both sides have a part, which is the owner question's answer, so one
 * attempt never asks both. `askHalves` picks the way for each such control: at random by default,
 * or as `askedFirst` says, so that a count made before the attempt exists is the attempt's.
 */
const SPLIT_KEY = /^split:(.*):(?:aws|customer)$/;

export interface DrawnItem {
  noteSlug: string;
  key: string;
}

/** The control key a split half belongs to: `split:Patch Management:aws` → `Patch Management`. */
export function splitParentKey(key: string): string | null {
  return SPLIT_KEY.exec(key)?.[1] ?? null;
}

const controlId = (noteSlug: string, key: string) => `${noteSlug}\u0000${key}`;

/** The control an item asks about, either way: its own key, or its parent's for a half. */
function controlOf(item: DrawnItem): { control: string; half: boolean } {
  const parent = splitParentKey(item.key);
  return { control: controlId(item.noteSlug, parent ?? item.key), half: parent !== null };
}

/** The items, in their order, with each Shared control asked one way only. */
export function askEachControlOnce<T extends DrawnItem>(
  items: T[],
  askHalves: (control: string) => boolean = () => Math.random() < 0.5,
): T[] {
  const ways = new Map<string, Set<boolean>>();
  for (const item of items) {
    const { control, half } = controlOf(item);
    ways.set(control, (ways.get(control) ?? new Set()).add(half));
  }
  const halvesFor = new Map<string, boolean>();
  for (const [control, asked] of [...ways].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (asked.size === 2) halvesFor.set(control, askHalves(control));
  }
  return items.filter((item) => {
    const { control, half } = controlOf(item);
    const pick = halvesFor.get(control);
    return pick === undefined || pick === half;
  });
}

/** A pick that keeps, for each control, the way that comes first in `items` (the one due soonest). */
export function askedFirst(items: DrawnItem[]): (control: string) => boolean {
  const first = new Map<string, boolean>();
  for (const item of items) {
    const { control, half } = controlOf(item);
    if (!first.has(control)) first.set(control, half);
  }
  return (control) => first.get(control) ?? false;
}

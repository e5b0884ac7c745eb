"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Icon } from "@/components/ui/icons";
import { OWNER_ICONS, OWNER_LABELS, OwnerBadge } from "@/components/ui/owner-badge";
import { OWNERS, type Owner } from "@/lib/content/types";
import type { Confidence } from "@/lib/contracts/quiz";
import { CardFace, QuizCard, type BoardItem } from "./quiz-card";

export type Placements = Record<string, Owner | null>;
type Zone = Owner | "pool";

/** The columns in reading order: what arrow keys step through while a card is held. */
const ZONES: Zone[] = ["pool", ...OWNERS];
const DOCK = "dock:";

function zoneLabel(zone: Zone) {
  return zone === "pool" ? "To place" : OWNER_LABELS[zone];
}

/** A droppable's zone: a column's id, or the owner of a target in the dock. */
function zoneOf(id: UniqueIdentifier | undefined | null): Zone | null {
  if (id == null) return null;
  const name = String(id).replace(DOCK, "");
  return name === "pool" ? "pool" : (OWNERS.find((o) => o === name) ?? null);
}

/**
 * The zone under the pointer; for a keyboard drag, which has no pointer, the zone under the held
 * card's top-left corner. The dock, drawn over the columns, wins.
 */
const detectZone: CollisionDetection = (args) => {
  const point =
    args.pointerCoordinates ??
    (args.collisionRect ? { x: args.collisionRect.left + 8, y: args.collisionRect.top + 8 } : null);
  if (!point) return [];
  const hits = pointerWithin({ ...args, pointerCoordinates: point });
  const dock = hits.filter((hit) => String(hit.id).startsWith(DOCK));
  return dock.length > 0 ? dock : hits;
};

/** Arrow keys move a held card to the next or previous column, not 25 pixels at a time. */
const stepZones: KeyboardCoordinateGetter = (event, { context }) => {
  const step = ({ ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 } as const)[
    event.code as "ArrowRight"
  ];
  if (!step) return undefined;
  event.preventDefault();
  const from =
    zoneOf(context.over?.id) ?? (context.active?.data.current?.zone as Zone | undefined) ?? "pool";
  const to = ZONES[(ZONES.indexOf(from) + step + ZONES.length) % ZONES.length];
  const rect = context.droppableRects.get(to);
  return rect ? { x: rect.left + 12, y: rect.top + 48 } : undefined;
};

function Column({ zone, count, children }: { zone: Zone; count: number; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: zone });
  return (
    <section
      ref={setNodeRef}
      className={`quiz-column quiz-column-${zone.toLowerCase()}`}
      data-zone={zone}
      data-over={isOver}
      aria-label={zoneLabel(zone)}
    >
      <h2 className="quiz-column-head">
        {zone === "pool" ? <span>To place</span> : <OwnerBadge owner={zone} />}
        <span className="quiz-count">
          {count}
          <span className="visually-hidden"> {count === 1 ? "card" : "cards"}</span>
        </span>
      </h2>
      <ul aria-label={zoneLabel(zone)}>{children}</ul>
      {count === 0 ? (
        <p className="quiz-column-empty">
          {zone === "pool" ? "Every card is placed." : "Drop cards here"}
        </p>
      ) : null}
    </section>
  );
}

/** While a card is held on a narrow screen, where the columns stack: the owners, in reach. */
function DockTarget({ owner }: { owner: Owner }) {
  const { setNodeRef, isOver } = useDroppable({ id: `${DOCK}${owner}` });
  return (
    <div
      ref={setNodeRef}
      className={`quiz-dock-target owner-${owner.toLowerCase()}`}
      data-over={isOver}
    >
      <Icon name={OWNER_ICONS[owner]} size="1.5em" />
      {OWNER_LABELS[owner]}
    </div>
  );
}

/**
 * The whole board: the cards to place and the three owner columns, each a drop target over the
 * board's full height, with @dnd-kit's pointer, touch (long press) and keyboard sensors, auto-scroll
 * near the window's edges, and its live-region announcements. 1/2/3/0 and the cards' buttons place
 * a card too; focus then moves on to the next card to place.
 */
export function QuizBoard({
  items,
  placements,
  onPlace,
  confidenceOf,
  onConfidence,
  focusSubmit,
}: {
  items: BoardItem[];
  placements: Placements;
  /** Places a card and returns the placements after it. */
  onPlace: (item: BoardItem, choice: Owner | null, via: "drag" | "button") => Placements;
  confidenceOf: (itemId: string) => Confidence | null;
  onConfidence: (item: BoardItem, value: Confidence | null) => void;
  focusSubmit: () => void;
}) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const cardRefs = useRef(new Map<string, HTMLLIElement>());
  const focusNext = useRef<string | null>(null);
  const revealNext = useRef<string | null>(null);
  const byId = new Map(items.map((item) => [item.id, item]));
  const active = activeId ? byId.get(activeId) : undefined;

  const sensors = useSensors(
    // A few pixels of movement before a mouse drag starts, so that a click on a card stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // A long press starts a drag on touch; moving sooner is a swipe, and scrolls.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: stepZones }),
  );

  useEffect(() => {
    // A dropped card is shown where it landed, in its column's own scroll area, when the columns
    // stand side by side. (Stacked, that would jump the page away from the pool.)
    if (revealNext.current && window.matchMedia("(min-width: 901px)").matches)
      cardRefs.current.get(revealNext.current)?.scrollIntoView({ block: "nearest" });
    revealNext.current = null;
    if (!focusNext.current) return;
    if (focusNext.current === "submit") focusSubmit();
    else cardRefs.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const prompt = (id: UniqueIdentifier) => byId.get(String(id))?.prompt ?? "card";
  const where = (id: UniqueIdentifier) => zoneLabel(placements[String(id)] ?? "pool");
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up card ${prompt(active.id)}, from ${where(active.id)}.`,
    onDragOver: ({ active, over }) => {
      const zone = zoneOf(over?.id);
      return zone
        ? `Card ${prompt(active.id)} is over ${zoneLabel(zone)}.`
        : `Card ${prompt(active.id)} is not over a column.`;
    },
    onDragEnd: ({ active, over }) => {
      const zone = zoneOf(over?.id);
      return zone
        ? `Card ${prompt(active.id)} placed in ${zoneLabel(zone)}.`
        : `Card ${prompt(active.id)} was dropped outside the columns; it stays in ${where(active.id)}.`;
    },
    onDragCancel: ({ active }) =>
      `Moving card ${prompt(active.id)} was cancelled; it stays in ${where(active.id)}.`,
  };

  function place(item: BoardItem, choice: Owner | null, moveFocus: boolean) {
    const next = onPlace(item, choice, "button");
    if (!moveFocus) return;
    const after = items
      .slice(items.indexOf(item) + 1)
      .concat(items)
      .find((i) => !next[i.id] && i.id !== item.id);
    focusNext.current = choice === null ? item.id : (after?.id ?? "submit");
  }

  function onDragEnd({ active, over, activatorEvent }: DragEndEvent) {
    setActiveId(null);
    const item = byId.get(String(active.id));
    const zone = zoneOf(over?.id);
    if (!item || !zone) return;
    const choice = zone === "pool" ? null : zone;
    if ((placements[item.id] ?? null) !== choice) onPlace(item, choice, "drag");
    revealNext.current = item.id;
    // A keyboard drop keeps focus on the card, now in its new column.
    if (activatorEvent instanceof KeyboardEvent) focusNext.current = item.id;
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={detectZone}
      autoScroll={{ threshold: { x: 0, y: 0.18 }, acceleration: 12 }}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            "Press 1 for AWS, 2 for Customer, 3 for Shared, or 0 to take the card back. " +
            "Or press Space to pick the card up, the arrow keys to move it between the columns, " +
            "Space again to drop it, and Escape to cancel.",
        },
      }}
      onDragStart={({ active }) => setActiveId(String(active.id))}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
    >
      <div className="quiz-board" data-dragging={active ? "true" : undefined}>
        {ZONES.map((zone) => {
          const cards = items.filter((item) => (placements[item.id] ?? "pool") === zone);
          return (
            <Column key={zone} zone={zone} count={cards.length}>
              {cards.map((item) => (
                <QuizCard
                  key={item.id}
                  item={item}
                  zone={zone}
                  placed={placements[item.id] ?? null}
                  describedBy="quiz-board-help"
                  onPlace={(choice, moveFocus) => place(item, choice, moveFocus)}
                  confidence={confidenceOf(item.id)}
                  onConfidence={(value) => onConfidence(item, value)}
                  cardRef={(node) => {
                    if (node) cardRefs.current.set(item.id, node);
                    else cardRefs.current.delete(item.id);
                  }}
                />
              ))}
            </Column>
          );
        })}
      </div>
      <p id="quiz-board-help" className="visually-hidden">
        Press 1 for AWS, 2 for Customer, 3 for Shared, or 0 to take the card back. Or press Space to
        pick the card up, the arrow keys to move it between the columns, Space again to drop it, and
        Escape to cancel.
      </p>
      {active ? (
        <div className="quiz-dock" aria-hidden="true">
          {OWNERS.map((owner) => (
            <DockTarget key={owner} owner={owner} />
          ))}
        </div>
      ) : null}
      <DragOverlay dropAnimation={null}>
        {active ? (
          <div className="quiz-card quiz-card-overlay">
            <CardFace item={active} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

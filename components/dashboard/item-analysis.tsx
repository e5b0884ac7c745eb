import { DataTable } from "@/components/ui/data-table";
import { Icon } from "@/components/ui/icons";
import { OwnerBadge } from "@/components/ui/owner-badge";
import type { HalfAnalysis, ItemAnalysis, ItemFlag, SharedHalves } from "@/lib/contracts/teams";
import { sharePercent } from "@/lib/quiz/score";
import { MIN_RESPONDENTS } from "@/lib/teams/discrimination";
import { KIND_LABELS } from "@/lib/teams/item-analysis";

type Titles = Map<string, string>;

function answers(count: number): string {
  return `${count} answer${count === 1 ? "" : "s"}`;
}

/** An item as a row names it: its label, then its kind and lesson. */
export function ItemHeader({ item, titles }: { item: ItemAnalysis; titles: Titles }) {
  return (
    <th scope="row">
      {item.label}
      <span className="grid-sub">
        {KIND_LABELS[item.kind]} · {titles.get(item.noteSlug) ?? item.noteSlug}
      </span>
    </th>
  );
}

/** Facility: the share right, over how many answers. */
export function Facility({ item }: { item: ItemAnalysis }) {
  return (
    <td className="num" data-label="Right">
      {sharePercent(item.correctRate)}%<span className="grid-sub">{answers(item.attempts)}</span>
    </td>
  );
}

/** How the dashboard computes discrimination, said once beside the table that shows it. */
export const DISCRIMINATION_METHOD = `Discrimination: point-biserial correlation between getting this item right and the learner's score on the other items (first answers, current wording; needs ${MIN_RESPONDENTS} learners).`;

const FLAG_LABELS: Record<ItemFlag, string> = {
  low_discrimination: "Low discrimination",
  too_hard: "Too hard",
  too_easy: "Too easy",
};

/** The item's flags as words with a mark, never colour alone. */
export function ItemFlags({ flags }: { flags: ItemFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="item-flags" aria-label="Flags">
      {flags.map((flag) => (
        <li key={flag} className="item-flag">
          <Icon name="flag" /> {FLAG_LABELS[flag]}
        </li>
      ))}
    </ul>
  );
}

/** The discrimination index to two decimals, or a dash that says why there is none. */
export function Discrimination({ item }: { item: ItemAnalysis }) {
  return (
    <td className="num" data-label="Discrimination">
      {item.discrimination === null ? (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">too few answers</span>
        </>
      ) : (
        item.discrimination.toFixed(2)
      )}
    </td>
  );
}

/** The most common wrong answer: an owner, or the statement picked, with its share of answers. */
export function CommonWrong({ item }: { item: ItemAnalysis }) {
  const wrong = item.commonWrong;
  return (
    <td
      data-label="Usual wrong answer"
      className={wrong && "option" in wrong ? "wrong-option" : ""}
    >
      {wrong === null ? (
        "—"
      ) : "owner" in wrong ? (
        <>
          <OwnerBadge owner={wrong.owner} /> {sharePercent(item.commonWrongRate)}%
        </>
      ) : (
        <>
          <q>{wrong.option}</q> {sharePercent(item.commonWrongRate)}%
        </>
      )}
    </td>
  );
}

/** Items with the most wrong answers given as "sure": misconceptions held firmly. */
export function ConfidentlyWrongTable({
  items,
  titles,
}: {
  items: ItemAnalysis[];
  titles: Titles;
}) {
  return (
    <DataTable
      label="Confidently wrong answers"
      className="misconceptions"
      layout="cards"
      columns={["Item", "Sure but wrong", "Usual wrong answer"]}
    >
      {items.map((item) => (
        <tr key={item.itemId}>
          <ItemHeader item={item} titles={titles} />
          <td className="num" data-label="Sure but wrong">
            {item.sureWrong}
            <span className="grid-sub">of {answers(item.attempts)}</span>
          </td>
          <CommonWrong item={item} />
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * Items with their facility, discrimination and flags: the hardest of each kind, so that every kind
 * the team answered appears, or every flagged item.
 */
export function ItemAnalysisTable({ items, titles }: { items: ItemAnalysis[]; titles: Titles }) {
  return (
    <DataTable
      label="Item analysis by kind"
      className="misconceptions"
      layout="cards"
      columns={["Item", "Kind", "Right", "Discrimination", "Usual wrong answer"]}
    >
      {items.map((item) => (
        <tr key={item.itemId}>
          <th scope="row">
            {item.label}
            <span className="grid-sub">{titles.get(item.noteSlug) ?? item.noteSlug}</span>
            <ItemFlags flags={item.flags} />
          </th>
          <td data-label="Kind">{KIND_LABELS[item.kind]}</td>
          <Facility item={item} />
          <Discrimination item={item} />
          <CommonWrong item={item} />
        </tr>
      ))}
    </DataTable>
  );
}

function HalfCell({ half, label }: { half: HalfAnalysis | null; label: string }) {
  return (
    <td className="num" data-label={label}>
      {half ? (
        <>
          {sharePercent(half.correctRate)}% right
          <span className="grid-sub">{answers(half.attempts)}</span>
        </>
      ) : (
        "not answered"
      )}
    </td>
  );
}

/** Each Shared control with halves: the facility of each half side by side, and which is missed. */
export function HalvesTable({ halves, titles }: { halves: SharedHalves[]; titles: Titles }) {
  return (
    <DataTable
      label="Halves of Shared controls"
      className="misconceptions halves"
      layout="cards"
      columns={["Control", "AWS half", "Customer half", "Missed more"]}
    >
      {halves.map((h) => (
        <tr key={`${h.noteSlug}:${h.control}`}>
          <th scope="row">
            {h.control}
            <span className="grid-sub">{titles.get(h.noteSlug) ?? h.noteSlug}</span>
          </th>
          <HalfCell half={h.aws} label="AWS half" />
          <HalfCell half={h.customer} label="Customer half" />
          <td data-label="Missed more">
            {h.missedMore === null ? (
              h.aws && h.customer ? (
                "Neither: alike"
              ) : (
                "—"
              )
            ) : (
              <strong className="missed-half">
                <Icon name={h.missedMore === "AWS" ? "cloud" : "person"} />{" "}
                {h.missedMore === "AWS" ? "AWS half" : "Customer half"}
              </strong>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

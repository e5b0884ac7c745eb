import { describe, expect, it } from "vitest";
import {
  dayIn,
  daysFrom,
  formatDayShort,
  formatWhen,
  labelledDays,
  layoutDayAxis,
} from "./day-axis";

// Three attempts in the evening of 7 Dec in UTC, one the next night: the morning of 8 Dec in Tokyo,
// still the 7th in Los Angeles.
const EVENING = [
  "2025-12-07T20:00:00.000Z",
  "2025-12-07T21:00:00.000Z",
  "2025-12-07T22:30:00.000Z",
];
const LATE = "2025-12-10T02:00:00.000Z";

describe("dayIn", () => {
  it("reads a date-time on the viewer's calendar", () => {
    expect(dayIn("2025-12-07T20:00:00.000Z", "UTC")).toBe("2025-12-07");
    expect(dayIn("2025-12-07T20:00:00.000Z", "Asia/Tokyo")).toBe("2025-12-08");
    expect(dayIn(LATE, "America/Los_Angeles")).toBe("2025-12-09");
    expect(dayIn(LATE, "UTC")).toBe("2025-12-10");
  });

  it("keeps a date with no time on its own day in every zone", () => {
    for (const zone of ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati"]) {
      expect(dayIn("2025-12-07", zone)).toBe("2025-12-07");
    }
  });
});

describe("daysFrom", () => {
  it("counts every calendar day, across months and a daylight-saving change", () => {
    expect(daysFrom("2025-10-25", "2025-10-27")).toEqual([
      "2025-10-25",
      "2025-10-26",
      "2025-10-27",
    ]);
    expect(daysFrom("2024-02-28", "2024-03-01")).toEqual([
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
    ]);
    expect(daysFrom("2025-12-07", "2025-12-07")).toEqual(["2025-12-07"]);
  });
});

describe("layoutDayAxis", () => {
  it("puts each attempt of one day in a slot of its own, inside that day's band", () => {
    const axis = layoutDayAxis([...EVENING, LATE], "UTC");
    expect(axis.bands).toEqual([
      { day: "2025-12-07", start: 0, width: 4 },
      { day: "2025-12-08", start: 4, width: 1 },
      { day: "2025-12-09", start: 5, width: 1 },
      { day: "2025-12-10", start: 6, width: 1 },
    ]);
    expect(EVENING.map(axis.at)).toEqual([1, 2, 3]);
    expect(axis.at(LATE)).toBe(6.5);
    expect(axis.slots).toBe(7);
  });

  it("keeps a busy day's points nearer to its own middle than to the next day's", () => {
    const axis = layoutDayAxis([...EVENING, LATE], "UTC");
    const [busy, next] = axis.bands;
    const last = axis.at(EVENING[2]);
    expect(last - (busy.start + busy.width / 2)).toBeLessThan(next.start + next.width / 2 - last);
  });

  it("moves the bands with the viewer's zone", () => {
    const tokyo = layoutDayAxis([...EVENING, LATE], "Asia/Tokyo");
    expect(tokyo.bands.map((b) => [b.day, b.width])).toEqual([
      ["2025-12-08", 4],
      ["2025-12-09", 1],
      ["2025-12-10", 1],
    ]);
    const la = layoutDayAxis([...EVENING, LATE], "America/Los_Angeles");
    expect(la.bands.map((b) => [b.day, b.width])).toEqual([
      ["2025-12-07", 4],
      ["2025-12-08", 1],
      ["2025-12-09", 1],
    ]);
    expect(la.at(LATE)).toBe(5.5);
  });

  it("orders a day's slots by time, whatever order the dates come in", () => {
    const axis = layoutDayAxis([EVENING[2], EVENING[0], EVENING[1]], "UTC");
    expect(EVENING.map(axis.at)).toEqual([1, 2, 3]);
  });

  it("lines up the series of a daily chart: equal dates share one slot", () => {
    const axis = layoutDayAxis(
      ["2025-12-07", "2025-12-08", "2025-12-07", "2025-12-08"],
      "Asia/Tokyo",
    );
    expect(axis.bands).toEqual([
      { day: "2025-12-07", start: 0, width: 1 },
      { day: "2025-12-08", start: 1, width: 1 },
    ]);
    expect(axis.at("2025-12-08")).toBe(1.5);
  });

  it("stretches to the range asked for", () => {
    const axis = layoutDayAxis(["2025-12-07"], "UTC", { from: "2025-12-05", to: "2025-12-09" });
    expect(axis.bands.map((b) => b.day)).toEqual([
      "2025-12-05",
      "2025-12-06",
      "2025-12-07",
      "2025-12-08",
      "2025-12-09",
    ]);
    expect(axis.at("2025-12-07")).toBe(2.5);
  });

  it("lays out nothing for no dates", () => {
    expect(layoutDayAxis([], "UTC")).toMatchObject({ bands: [], slots: 0 });
  });
});

describe("labelledDays", () => {
  it("names days at least the gap apart, from the first", () => {
    const axis = layoutDayAxis([...EVENING, LATE], "UTC");
    expect(labelledDays(axis.bands, 1).map((b) => b.day)).toEqual([
      "2025-12-07",
      "2025-12-08",
      "2025-12-09",
      "2025-12-10",
    ]);
    expect(labelledDays(axis.bands, 3).map((b) => b.day)).toEqual(["2025-12-07", "2025-12-09"]);
  });
});

describe("formatting", () => {
  it("names a calendar day as it is, and a date-time on the viewer's clock", () => {
    expect(formatDayShort("2025-12-07")).toBe("7 Dec");
    expect(formatWhen("2025-12-07", "Asia/Tokyo")).toBe("7 Dec 2025");
    expect(formatWhen(EVENING[0], "UTC")).toBe("7 Dec 2025, 20:00");
    expect(formatWhen(EVENING[0], "Asia/Tokyo")).toBe("8 Dec 2025, 05:00");
    expect(formatWhen(EVENING[0], "America/Los_Angeles")).toBe("7 Dec 2025, 12:00");
  });
});

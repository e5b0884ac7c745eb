import { describe, expect, it } from "vitest";
import { practiceTestSchema } from "@/lib/validation/quiz";
import {
  countdownAnnouncement,
  describePractice,
  formatCountdown,
  practiceFieldErrors,
  practiceInputFromForm,
  practiceInputFromSettings,
} from "./practice-form";

const blank = {
  allNotes: null,
  notes: [],
  kinds: ["assign"],
  size: "20",
  timeLimit: "none",
  timeLimitOther: null,
};

describe("practiceInputFromForm", () => {
  it("reads lessons, kinds, size and a time limit into what practiceTestSchema takes", () => {
    const input = practiceInputFromForm({
      ...blank,
      notes: ["aws-iam", "amazon-s3"],
      kinds: ["assign", "matrix"],
      size: " 10 ",
      timeLimit: "20",
    });
    expect(input).toEqual({
      notes: ["aws-iam", "amazon-s3"],
      kinds: ["assign", "matrix"],
      size: 10,
      timeLimitMinutes: 20,
    });
    expect(practiceTestSchema.safeParse(input).success).toBe(true);
  });

  it("leaves lessons out for All lessons, and the limit out for none", () => {
    const input = practiceInputFromForm({ ...blank, allNotes: "on", notes: ["aws-iam"] });
    expect(input).toEqual({ kinds: ["assign"], size: 20 });
  });

  it("takes Other minutes from their own field", () => {
    expect(
      practiceInputFromForm({ ...blank, timeLimit: "other", timeLimitOther: "45" }),
    ).toMatchObject({ timeLimitMinutes: 45 });
  });

  it("keeps what is not a number as text, so that the schema names the field", () => {
    const input = practiceInputFromForm({
      ...blank,
      size: "x",
      timeLimit: "other",
      timeLimitOther: "soon",
    });
    const parsed = practiceTestSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["size", "timeLimitMinutes"]));
  });

  it("makes no lesson and no kind ticked an error on each, and an empty size one too", () => {
    const parsed = practiceTestSchema.safeParse(
      practiceInputFromForm({ ...blank, kinds: [], size: "" }),
    );
    const paths = parsed.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["notes", "kinds", "size"]));
  });
});

describe("practiceFieldErrors", () => {
  it("files item paths under their field, once per message", () => {
    expect(
      practiceFieldErrors({
        "notes.0": ["There is no lesson a"],
        "notes.3": ["There is no lesson b"],
        "kinds.1": ["Not an item kind"],
        "kinds.2": ["Not an item kind"],
        _: ["No questions match"],
      }),
    ).toEqual({
      notes: ["There is no lesson a", "There is no lesson b"],
      kinds: ["Not an item kind"],
      _: ["No questions match"],
    });
  });
});

describe("practiceInputFromSettings", () => {
  it("gives back the body that started the test", () => {
    expect(
      practiceInputFromSettings({ notes: null, kinds: ["assign"], size: 10, timeLimitMinutes: 5 }),
    ).toEqual({ kinds: ["assign"], size: 10, timeLimitMinutes: 5 });
    expect(
      practiceInputFromSettings({ notes: ["a"], kinds: null, size: 30, timeLimitMinutes: null }),
    ).toEqual({ notes: ["a"], size: 30 });
  });
});

describe("the countdown", () => {
  it("shows minutes and seconds, rounded up, never below zero", () => {
    expect(formatCountdown(20 * 60_000)).toBe("20:00");
    expect(formatCountdown(65_001)).toBe("01:06");
    expect(formatCountdown(900)).toBe("00:01");
    expect(formatCountdown(0)).toBe("00:00");
    expect(formatCountdown(-5000)).toBe("00:00");
  });

  it("announces 5 minutes, 1 minute and time up as each is crossed, and nothing between", () => {
    expect(countdownAnnouncement(300_500, 299_500)).toBe("5 minutes left.");
    expect(countdownAnnouncement(299_500, 298_500)).toBeNull();
    expect(countdownAnnouncement(60_400, 59_400)).toBe("1 minute left.");
    expect(countdownAnnouncement(400, -600)).toMatch(/^Time is up/);
    // A jump past two thresholds (a laptop woken from sleep) says only the latest.
    expect(countdownAnnouncement(400_000, 30_000)).toBe("1 minute left.");
  });
});

describe("describePractice", () => {
  it("names the lessons, kinds and limit in a line", () => {
    expect(
      describePractice(
        { notes: ["a", "b"], kinds: ["matrix", "assign"], size: 10, timeLimitMinutes: 20 },
        10,
      ),
    ).toBe(
      "10 questions from 2 lessons · Who owns each control, service matrix · time limit 20\u00a0minutes",
    );
    expect(describePractice({ notes: null, kinds: null, size: 5, timeLimitMinutes: null }, 1)).toBe(
      "1 question from all lessons · every kind of question · no time limit",
    );
  });
});

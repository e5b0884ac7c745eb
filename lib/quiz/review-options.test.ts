import { describe, expect, it } from "vitest";
import type { Grade } from "./grade";
import {
  answersShown,
  attemptAsShown,
  gradeAsShown,
  isWithheld,
  levelAsShown,
  reviewsHeldUntil,
  type WholeAttempt,
} from "./review-options";

const due = new Date("2026-03-10T17:00:00Z");
const before = new Date(due.getTime() - 1);

describe("answersShown", () => {
  it("shows an attempt without an assignment, and an immediately one, at once", () => {
    expect(answersShown(null, before)).toEqual({ answersShown: true, shownFrom: null });
    expect(answersShown({ reviewAnswers: "IMMEDIATELY", dueAt: due }, before)).toEqual({
      answersShown: true,
      shownFrom: null,
    });
  });

  it("shows an after-due one from the due date on, saying when", () => {
    const rule = { reviewAnswers: "AFTER_DUE", dueAt: due } as const;
    expect(answersShown(rule, before)).toEqual({
      answersShown: false,
      shownFrom: due.toISOString(),
    });
    expect(answersShown(rule, due)).toEqual({ answersShown: true, shownFrom: due.toISOString() });
  });

  it("never shows a never one", () => {
    const later = new Date(due.getTime() + 1e12);
    expect(answersShown({ reviewAnswers: "NEVER", dueAt: due }, later)).toEqual({
      answersShown: false,
      shownFrom: null,
    });
  });
});

const grade: Grade = {
  score: { correct: 1, total: 2 },
  results: [
    {
      itemId: "a",
      choice: "AWS",
      option: null,
      confidence: "sure",
      correct: true,
      expected: "AWS",
      expectedOption: null,
      explanation: "AWS runs it.",
      source: null,
      lessonHref: "/lessons/net#aws-responsibilities",
      related: [],
    },
    {
      itemId: "b",
      choice: null,
      option: "k1",
      confidence: null,
      correct: false,
      expected: "CUSTOMER",
      expectedOption: "k2",
      explanation: "The customer's half.",
      source: null,
      lessonHref: "/lessons/net#shared-controls",
      related: [{ href: "/lessons/iam", title: "IAM" }],
    },
  ],
};
const hidden = { answersShown: false, shownFrom: null };

describe("gradeAsShown", () => {
  it("keeps the whole grade when the answers are shown", () => {
    const shown = gradeAsShown(grade, { answersShown: true, shownFrom: null });
    expect(isWithheld(shown)).toBe(false);
    expect(shown).toEqual({ ...grade, review: { answersShown: true, shownFrom: null } });
  });

  it("keeps only the score and the learner's own answers when they are withheld", () => {
    const withheld = gradeAsShown(grade, hidden);
    expect(isWithheld(withheld)).toBe(true);
    expect(withheld).toEqual({
      score: { correct: 1, total: 2 },
      results: [
        { itemId: "a", choice: "AWS", option: null, confidence: "sure" },
        { itemId: "b", choice: null, option: "k1", confidence: null },
      ],
      review: hidden,
    });
  });
});

describe("attemptAsShown", () => {
  const whole: WholeAttempt = {
    id: "t",
    kind: "practice",
    noteSlug: null,
    status: "submitted",
    expiresAt: null,
    assignmentId: "a",
    practice: null,
    byNote: [{ key: "net", title: "Net", correct: 1, total: 2 }],
    byKind: [{ key: "assign", title: "Who owns each control", correct: 1, total: 2 }],
    answers: [],
    items: [],
    result: grade,
    sections: [
      { title: "AWS Responsibilities", noteTitle: "Net", correct: 1, total: 1, itemIds: ["a"] },
    ],
  };

  it("drops the scores by section, note and kind with the answers", () => {
    expect(attemptAsShown(whole, hidden)).toMatchObject({
      sections: null,
      byNote: null,
      byKind: null,
      result: { score: grade.score },
    });
  });

  it("keeps them when the answers are shown, and leaves an open attempt without a result", () => {
    const shown = attemptAsShown(whole, { answersShown: true, shownFrom: null });
    expect(shown.sections).toEqual(whole.sections);
    expect(shown.byNote).toEqual(whole.byNote);
    expect(attemptAsShown({ ...whole, result: null, sections: null }, hidden).result).toBeNull();
  });
});

describe("reviewsHeldUntil", () => {
  it("holds a withheld test's reviews until the learner's due date, and nothing after it", () => {
    for (const reviewAnswers of ["AFTER_DUE", "NEVER"] as const) {
      expect(reviewsHeldUntil({ reviewAnswers, dueAt: due }, before)).toEqual(due);
      expect(reviewsHeldUntil({ reviewAnswers, dueAt: due }, due)).toBeNull();
    }
    expect(reviewsHeldUntil({ reviewAnswers: "IMMEDIATELY", dueAt: due }, before)).toBeNull();
    expect(reviewsHeldUntil(null, before)).toBeNull();
  });
});

describe("levelAsShown", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 2, day));
  const changes = [
    { at: at(1), level: 1 },
    { at: at(2), level: 3 },
    { at: at(5), level: 4 },
  ];

  it("keeps the stored level when no change came from a withheld test", () => {
    expect(levelAsShown(4, changes, undefined)).toBe(4);
    expect(levelAsShown(4, changes, new Set([at(4).getTime()]))).toBe(4);
  });

  it("shows the level before a withheld test's change, or 0 before any change", () => {
    expect(levelAsShown(4, changes, new Set([at(5).getTime()]))).toBe(3);
    expect(levelAsShown(1, changes.slice(0, 1), new Set([at(1).getTime()]))).toBe(0);
  });

  it("shows a later change of the learner's own, made after the withheld one", () => {
    expect(levelAsShown(4, changes, new Set([at(2).getTime()]))).toBe(4);
  });
});

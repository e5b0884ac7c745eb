import { describe, expect, it } from "vitest";
import {
  attemptCompletedStatement,
  itemAnsweredStatement,
  lessonReadStatement,
  noteMasteredStatement,
  VERBS,
} from "./statements";

const source = { homePage: "https://academy.example/", userId: "user-1" };
const at = new Date("2026-03-01T10:00:00.000Z");
const id = "6f1c2a52-6f0e-4a55-9c1e-2b1d0c3f4e5a";

describe("xAPI statements", () => {
  it("names the actor by account on this server, never by email", () => {
    const s = lessonReadStatement(source, id, { slug: "kms", title: "KMS" }, at);
    expect(s.actor).toEqual({
      objectType: "Agent",
      account: { homePage: "https://academy.example", name: "user-1" },
    });
    expect(JSON.stringify(s)).not.toContain("@");
  });

  it("a lesson read is 'experienced' the lesson's address, at the moment it happened", () => {
    const s = lessonReadStatement(source, id, { slug: "kms", title: "KMS" }, at);
    expect(s).toMatchObject({
      id,
      verb: { id: VERBS.experienced, display: { "en-US": "experienced" } },
      object: {
        id: "https://academy.example/lessons/kms",
        definition: { name: { "en-US": "KMS" } },
      },
      timestamp: "2026-03-01T10:00:00.000Z",
    });
  });

  it("an answer is a choice interaction with its correct response, and an unanswered item responds ''", () => {
    const item = { itemId: "i1", prompt: "Disk wiping", expected: "AWS" };
    const right = itemAnsweredStatement(
      source,
      id,
      { ...item, response: "AWS", correct: true },
      { kind: "QUIZ", noteSlug: "storage" },
      at,
    );
    expect(right.verb.id).toBe(VERBS.answered);
    expect(right.object.definition).toMatchObject({
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      interactionType: "choice",
      correctResponsesPattern: ["AWS"],
    });
    expect(right.result).toEqual({ success: true, response: "AWS" });
    expect(right.context?.contextActivities?.parent[0].id).toBe(
      "https://academy.example/quiz/storage",
    );
    const blank = itemAnsweredStatement(
      source,
      id,
      { ...item, response: null, correct: false },
      { kind: "REVIEW", noteSlug: null },
      at,
    );
    expect(blank.result).toEqual({ success: false, response: "" });
    expect(blank.context?.contextActivities?.parent[0].id).toBe("https://academy.example/review");
  });

  it("a completed attempt carries its score scaled, raw and max; an empty one scales to 0", () => {
    const s = attemptCompletedStatement(
      source,
      id,
      { kind: "PRACTICE", noteSlug: null },
      { correct: 3, total: 4 },
      at,
    );
    expect(s.verb.id).toBe(VERBS.completed);
    expect(s.object.id).toBe("https://academy.example/practice");
    expect(s.result).toEqual({
      completion: true,
      success: false,
      score: { scaled: 0.75, raw: 3, min: 0, max: 4 },
    });
    const empty = attemptCompletedStatement(
      source,
      id,
      { kind: "QUIZ", noteSlug: "kms" },
      { correct: 0, total: 0 },
      at,
    );
    expect(empty.result?.score).toEqual({ scaled: 0, raw: 0, min: 0, max: 0 });
  });

  it("a mastered note is 'mastered' the lesson", () => {
    const s = noteMasteredStatement(source, id, "kms", at);
    expect(s.verb).toEqual({ id: VERBS.mastered, display: { "en-US": "mastered" } });
    expect(s.object.id).toBe("https://academy.example/lessons/kms");
  });
});

import { describe, expect, it } from "vitest";
import { answerSchema, practiceTestSchema } from "./quiz";

const itemId = "item_1";

describe("an answer", () => {
  it.each([
    ["an owner", { itemId, choice: "AWS" }],
    ["an owner taken back", { itemId, choice: null }],
    ["an option, with confidence", { itemId, option: "0a1b2c3d", confidence: "sure" }],
    ["an option taken back", { itemId, option: null, confidence: null }],
  ])("may be %s", (_, answer) => {
    expect(answerSchema.safeParse(answer).success).toBe(true);
  });

  it.each([
    ["both an owner and an option", { itemId, choice: "AWS", option: "0a1b2c3d" }],
    ["neither", { itemId }],
    ["an owner that is no owner", { itemId, choice: "NOBODY" }],
    ["an option that is no option key", { itemId, option: "Block Public Access" }],
    ["a confidence other than sure or unsure", { itemId, choice: "AWS", confidence: "very" }],
    ["a key the schema does not know", { itemId, choice: "AWS", points: 3 }],
  ])("may not be %s", (_, answer) => {
    expect(answerSchema.safeParse(answer).success).toBe(false);
  });
});

describe("a practice test request", () => {
  it("takes a size, and optionally lessons, kinds and a time limit", () => {
    expect(practiceTestSchema.safeParse({ size: 20, timeLimitMinutes: 10 }).success).toBe(true);
    expect(
      practiceTestSchema.safeParse({ notes: ["amazon-ec2"], kinds: ["matrix", "split"], size: 5 })
        .success,
    ).toBe(true);
  });

  it.each([
    ["no size", {}],
    ["a size below 5", { size: 4 }],
    ["a size that is not a whole number", { size: 7.5 }],
    ["an unknown kind", { size: 10, kinds: ["essay"] }],
    ["no lessons at all", { size: 10, notes: [] }],
    ["a time limit of 0", { size: 10, timeLimitMinutes: 0 }],
  ])("refuses %s", (_, body) => {
    expect(practiceTestSchema.safeParse(body).success).toBe(false);
  });
});

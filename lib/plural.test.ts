import { expect, it } from "vitest";
import { plural } from "./plural";

it("counts with the noun's singular for one and its plural otherwise", () => {
  expect(plural(1, "learner")).toBe("1 learner");
  expect(plural(0, "learner")).toBe("0 learners");
  expect(plural(2, "quiz", "quizzes")).toBe("2 quizzes");
});

import { describe, expect, it } from "vitest";
import { toQuizItem } from "./quiz-items";

describe("toQuizItem", () => {
  it("asks a service-model layer's question instead of sending its explanation, which names the owner", () => {
    const item = toQuizItem({
      id: "i1",
      kind: "SERVICE",
      noteSlug: "aws-shared-responsibility-model",
      prompt: "Virtualization",
      detail: "In PaaS (RDS, Elastic Beanstalk), AWS runs the virtualization layer.",
      serviceModel: "PaaS (RDS)",
    });
    expect(item.detail).toBe("Who runs this layer in PaaS (RDS)?");
    expect(JSON.stringify(item)).not.toMatch(/AWS runs/);
  });

  it("keeps a control's own explanation: it is the card's text", () => {
    const item = toQuizItem({
      id: "i2",
      kind: "ASSIGN",
      noteSlug: "iam",
      prompt: "MFA",
      detail: "Require a second factor for people who sign in.",
      serviceModel: null,
    });
    expect(item.detail).toBe("Require a second factor for people who sign in.");
    expect(item.choices).toEqual(["AWS", "CUSTOMER", "SHARED"]);
  });
});

import { describe, expect, it } from "vitest";
import { auditFilterInput, auditFilterSchema } from "./audit";

describe("auditFilterSchema", () => {
  it("reads empty fields as no filter", () => {
    const parsed = auditFilterSchema.parse(
      auditFilterInput(new URLSearchParams("action=&actor=&from=&to=")),
    );
    expect(parsed).toEqual({});
  });

  it("takes a known action, an id and a day range that ends at the end of the last day", () => {
    const parsed = auditFilterSchema.parse({
      action: "role.change",
      actor: "cm3abc_123",
      from: "2026-11-28",
      to: "2026-11-28",
    });
    expect(parsed.action).toBe("role.change");
    expect(parsed.from?.toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(parsed.to?.toISOString()).toBe("2026-11-28T23:59:59.999Z");
  });

  it("takes an ISO instant with its offset as it is", () => {
    const parsed = auditFilterSchema.parse({ to: "2026-11-28T10:00:00+01:00" });
    expect(parsed.to?.toISOString()).toBe("2026-11-28T09:00:00.000Z");
  });

  it("refuses an unknown action, a bad id, a bad date and a range the wrong way round", () => {
    const bad = (input: Record<string, string>) => {
      const parsed = auditFilterSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      return parsed.error!.issues.map((issue) => issue.path.join("."));
    };
    expect(bad({ action: "role.delete" })).toEqual(["action"]);
    expect(bad({ actor: "not an id!" })).toEqual(["actor"]);
    expect(bad({ from: "yesterday" })).toEqual(["from"]);
    expect(bad({ from: "2026-02-30" })).toEqual(["from"]);
    expect(bad({ from: "2026-11-29", to: "2026-11-28" })).toEqual(["to"]);
  });
});

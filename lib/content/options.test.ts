import { describe, expect, it } from "vitest";
import { optionKey, toOptions } from "./options";

describe("option keys", () => {
  it("are 8 hex digits, stable for the same text and different for different texts", () => {
    expect(optionKey("Patches the hypervisor")).toMatch(/^[a-f0-9]{8}$/);
    expect(optionKey("Patches the hypervisor")).toBe(optionKey("Patches the hypervisor"));
    expect(optionKey("Patches the hypervisor")).not.toBe(optionKey("Patches the guest OS"));
  });

  it("order options by key, whatever order the author wrote them in", () => {
    const texts = ["AWS side", "Customer side", "Neither side"];
    expect(toOptions(texts)).toEqual(toOptions([...texts].reverse()));
    expect(toOptions(texts).map((o) => o.text).sort()).toEqual([...texts].sort());
  });
});

import { describe, expect, it } from "vitest";
import { markResultsArrival, takeResultsArrival } from "./results-arrival";

function memoryStore() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe("results arrival", () => {
  it("is taken once, for the attempt marked", () => {
    const store = memoryStore();
    markResultsArrival("a1", store);
    expect(takeResultsArrival("a2", store)).toBe(false);
    expect(takeResultsArrival("a1", store)).toBe(true);
    // Back to the same results later is not an arrival.
    expect(takeResultsArrival("a1", store)).toBe(false);
  });

  it("is no arrival without a mark, or without storage", () => {
    expect(takeResultsArrival("a1", memoryStore())).toBe(false);
    expect(takeResultsArrival("a1", null)).toBe(false);
    expect(() => markResultsArrival("a1", null)).not.toThrow();
  });

  it("survives a store that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("full");
      },
      removeItem: () => {},
    };
    expect(() => markResultsArrival("a1", broken)).not.toThrow();
    expect(takeResultsArrival("a1", broken)).toBe(false);
  });
});

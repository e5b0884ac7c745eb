import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawToSize } from "./draw-to-size";

describe("drawToSize", () => {
  it("takes groups in order, skipping a pair that would overshoot for a single further on", () => {
    expect(drawToSize([["a"], ["b1", "b2"], ["c1", "c2"], ["d"]], 4)).toEqual([
      ["a"],
      ["b1", "b2"],
      ["d"],
    ]);
  });

  it("gives exactly the size asked whenever the pool has enough single items to fill it", () => {
    const group = fc.oneof(fc.constant(1), fc.constant(2));
    fc.assert(
      fc.property(
        fc.array(group, { maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (sizes, size) => {
          const groups = sizes.map((n, i) => Array.from({ length: n }, (_, j) => `${i}.${j}`));
          const total = drawToSize(groups, size).flat().length;
          const singles = sizes.filter((n) => n === 1).length;
          expect(total).toBeLessThanOrEqual(size);
          const pool = sizes.reduce((a, b) => a + b, 0);
          if (pool >= size && (singles >= 1 || size % 2 === 0)) {
            expect(total).toBe(size);
          }
        },
      ),
    );
  });
});

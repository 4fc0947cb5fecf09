import { describe, expect, it } from "vitest";
import { sparklinePath } from "./sparkline";

describe("sparklinePath", () => {
  it("scales the values into the 100×40 box and breaks the line at a missing month", () => {
    // Four months → x at 0, 33.33, 66.67, 100. Values 1..3 span the height less 3 of padding each
    // side: y(v) = 3 + (1 − (v − 1) / 2) × 34, so y(1) = 37, y(3) = 3, y(2) = 20.
    expect(sparklinePath([1, null, 3, 2])).toBe("M0.00 37.00M66.67 3.00L100.00 20.00");
  });
  it("draws a flat series across the middle and nothing without values", () => {
    expect(sparklinePath([5, 5])).toBe("M0.00 20.00L100.00 20.00");
    expect(sparklinePath([null, null])).toBe("");
    expect(sparklinePath([7])).toBe("M50.00 20.00");
  });
});

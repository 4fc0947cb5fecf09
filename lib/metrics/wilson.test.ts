import { describe, expect, it } from "vitest";
import { clearlyDifferent, wilsonInterval } from "./wilson";

// Hand-computed with z = 1.959964, z² = 3.841459:
describe("wilsonInterval", () => {
  it("10 of 20: p = 0.5, centre 0.5, half-width 0.200702 → [0.299298, 0.700702]", () => {
    // z²/n = 0.192073, 1 + z²/n = 1.192073; centre = (0.5 + 0.096037) / 1.192073 = 0.5;
    // half = 1.959964 / 1.192073 · √(0.25/20 + 3.841459/1600) = 1.644167 · √0.014901 = 0.200702.
    const i = wilsonInterval(10, 20);
    expect(i?.low).toBeCloseTo(0.299298, 5);
    expect(i?.high).toBeCloseTo(0.700702, 5);
  });

  it("45 of 60: p = 0.75 → [0.627679, 0.842235], not centred on p", () => {
    // z²/n = 0.064024, 1 + z²/n = 1.064024; centre = (0.75 + 0.032012) / 1.064024 = 0.734957;
    // half = 1.959964 / 1.064024 · √(0.1875/60 + 3.841459/14400) = 1.842030 · 0.058239 = 0.107278.
    const i = wilsonInterval(45, 60);
    expect(i?.low).toBeCloseTo(0.627679, 5);
    expect(i?.high).toBeCloseTo(0.842235, 5);
  });

  it("0 of 10: [0, 0.277533], an upper bound where the naive interval says nothing", () => {
    // p = 0: centre = (0 + 0.192073) / 1.384146 = 0.138767; half = 1.416009 · √(3.841459/400) = 0.138767.
    const i = wilsonInterval(0, 10);
    expect(i?.low).toBe(0);
    expect(i?.high).toBeCloseTo(0.277533, 5);
  });

  it("1 of 1: [0.206549, 1], never above 1", () => {
    // z²/n = 3.841459, 1 + z²/n = 4.841459; centre = (1 + 1.920730) / 4.841459 = 0.603275;
    // half = 1.959964 / 4.841459 · √(0 + 3.841459/4) = 0.404829 · 0.979982 = 0.396725.
    const i = wilsonInterval(1, 1);
    expect(i?.low).toBeCloseTo(0.206549, 5);
    expect(i?.high).toBe(1);
  });

  it("no trials: no interval; more successes than trials is an error", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
  });

  it("narrows as the sample grows at the same rate", () => {
    const small = wilsonInterval(5, 10);
    const large = wilsonInterval(500, 1000);
    expect(small && large && large.high - large.low < small.high - small.low).toBe(true);
  });
});

describe("clearlyDifferent", () => {
  it("is true only when the intervals do not overlap", () => {
    // 45/60 = [0.628, 0.842] and 10/20 = [0.299, 0.701] overlap: not yet clear.
    expect(clearlyDifferent(wilsonInterval(45, 60), wilsonInterval(10, 20))).toBe(false);
    // 450/600 ≈ [0.714, 0.783] and 100/200 ≈ [0.431, 0.569] do not.
    expect(clearlyDifferent(wilsonInterval(450, 600), wilsonInterval(100, 200))).toBe(true);
    expect(clearlyDifferent(null, wilsonInterval(1, 2))).toBe(false);
  });
});

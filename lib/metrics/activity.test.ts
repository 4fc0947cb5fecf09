import { describe, expect, it } from "vitest";
import { distinctActive, windowMask } from "./activity";

const bit = (day: number) => 1 << (day - 1);

describe("activity windows on day bitmaps", () => {
  it("masks the days of a month inside a window", () => {
    // 28 Feb – 2 Mar 2024 (leap year): Feb 28 and 29 in February, Mar 1 in March.
    expect(windowMask("2024-02-01", new Date("2024-02-28T00:00:00Z"), new Date("2024-03-02T00:00:00Z"))).toBe(
      bit(28) | bit(29),
    );
    expect(windowMask("2024-03-01", new Date("2024-02-28T00:00:00Z"), new Date("2024-03-02T00:00:00Z"))).toBe(bit(1));
    expect(windowMask("2024-04-01", new Date("2024-02-28T00:00:00Z"), new Date("2024-03-02T00:00:00Z"))).toBe(0);
  });

  it("counts each user once across months", () => {
    const rows = [
      { month: "2024-02-01", key: "ann", activeDays: bit(29) },
      { month: "2024-03-01", key: "ann", activeDays: bit(1) | bit(2) },
      { month: "2024-03-01", key: "bob", activeDays: bit(20) },
      { month: "2024-01-01", key: "cat", activeDays: bit(31) },
    ];
    // Window 15 Feb – 14 Mar: ann (twice, counted once); bob on 20 Mar and cat on 31 Jan are outside.
    expect(distinctActive(rows, new Date("2024-02-15T00:00:00Z"), new Date("2024-03-15T00:00:00Z"))).toBe(1);
    // Window 1 Jan – 1 Apr: all three.
    expect(distinctActive(rows, new Date("2024-01-01T00:00:00Z"), new Date("2024-04-01T00:00:00Z"))).toBe(3);
  });
});

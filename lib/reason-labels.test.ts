import { describe, expect, it } from "vitest";
import { reasonCodeNote } from "./reason-labels";

describe("reasonCodeNote", () => {
  it("leaves out a reason code that only repeats the category's name", () => {
    expect(reasonCodeNote("Missing features", "missing_features")).toBeNull();
    expect(reasonCodeNote("Missing feature", "missing_features")).toBeNull();
    expect(reasonCodeNote("Quality & bugs", "quality")).toBeNull();
  });

  it("keeps a reason code that says more than the category's name", () => {
    expect(reasonCodeNote("Price & value", "too_expensive")).toBe("Too expensive");
    expect(reasonCodeNote("Switched to a competitor", "switched_service")).toBe("Switched service");
    expect(reasonCodeNote("Uncategorized", "other")).toBe("Other");
    expect(reasonCodeNote("Missing features", "missing_sso")).toBe("Missing sso");
  });
});

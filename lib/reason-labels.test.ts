import { describe, expect, it } from "vitest";
import { reasonCodeLabel, reasonCodeNote } from "./reason-labels";

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

describe("no answer", () => {
  it("names a cancel pressed before any reason “No answer given”, whatever category holds it", () => {
    expect(reasonCodeNote("Uncategorized", "no_answer")).toBe("No answer given");
    expect(reasonCodeNote("No answer", "no_answer")).toBe("No answer given");
    expect(reasonCodeLabel("no_answer")).toBe("No answer given");
    expect(reasonCodeLabel("too_expensive")).toBe("Too expensive");
    // A code that only looks like it is read as words.
    expect(reasonCodeLabel("no_answer_yet")).toBe("No answer yet");
  });
});

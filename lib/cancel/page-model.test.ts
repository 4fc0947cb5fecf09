import { describe, expect, it } from "vitest";
import { pageWords } from "./page-words";
import { wordsLocale } from "./page-model";

describe("the language of the cancel page's own words", () => {
  it("is the flow's: the session's for a flow targeted at its language, else the flow's first, else English", () => {
    expect(wordsLocale(["de"], "de-AT")).toBe("de-AT");
    expect(wordsLocale(["fr", "de"], "de-DE")).toBe("de-DE");
    expect(wordsLocale(["fr"], "de-DE")).toBe("fr");
    // An untargeted flow (the default) is written in English whatever the session's locale.
    expect(wordsLocale([], "de-DE")).toBe("en-US");
  });

  it("words a refused answer in that language", () => {
    expect(pageWords("de-AT").problem({ kind: "pause-months", maxMonths: 3 })).toBe(
      "Bitte wählen Sie, wie lange Sie pausieren möchten: 1 bis 3 Monate.",
    );
    expect(pageWords("ja-JP").problem({ kind: "choose-reason" })).toBe("Please choose one of the reasons.");
  });
});

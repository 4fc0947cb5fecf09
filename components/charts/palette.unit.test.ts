// The categorical palette (--color-chart-1 … 12 of app/globals.css, which reason categories and chart
// series use): every two colours tell apart, and every colour stands off the page, in both themes.
import { describe, expect, it } from "vitest";
import { type Theme, contrast, deltaE2000, hex, themeColours } from "@/test/colour";

// CIEDE2000 ≈ 1 is a just-noticeable difference between two large patches side by side. Chart marks
// are small and apart (a legend swatch and its bar), where the difference people notice is several
// times larger (Szafir, "Modeling Color Difference for Visualization Design", 2018); categorical
// palettes such as ColorBrewer's keep their neighbours about 15–20 apart. 15 is the floor here.
const MIN_PAIR = 15;
// Against the panel and the page: well beyond a noticeable difference, and the WCAG 2.1 (1.4.11)
// contrast of 3:1 for graphical objects against the panel they are drawn on.
const MIN_BACKGROUND = 25;
const MIN_CONTRAST = 3;

const themes = themeColours();
const palette = (theme: Theme) =>
  Array.from({ length: 12 }, (_, i) => {
    const value = themes[theme][`chart-${i + 1}`];
    if (!value) throw new Error(`--color-chart-${i + 1} is missing in the ${theme} theme`);
    return { token: `chart-${i + 1}`, colour: hex(value) };
  });

describe.each(["light", "dark"] as const)("the chart palette in the %s theme", (theme) => {
  it(`keeps every two colours at least ${MIN_PAIR} apart (CIEDE2000)`, () => {
    const close: string[] = [];
    const colours = palette(theme);
    for (const [i, a] of colours.entries()) {
      for (const b of colours.slice(i + 1)) {
        const d = deltaE2000(a.colour, b.colour);
        if (d < MIN_PAIR) close.push(`${a.token} and ${b.token}: ΔE ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it("sets every colour off the panel and the page", () => {
    const surface = hex(themes[theme].surface ?? "");
    const canvas = hex(themes[theme].canvas ?? "");
    const weak = palette(theme).flatMap(({ token, colour }) => {
      const d = Math.min(deltaE2000(colour, surface), deltaE2000(colour, canvas));
      const ratio = contrast(colour, surface);
      return d < MIN_BACKGROUND || ratio < MIN_CONTRAST
        ? [`${token}: ΔE ${d.toFixed(1)} from the background, contrast ${ratio.toFixed(2)}:1`]
        : [];
    });
    expect(weak).toEqual([]);
  });
});

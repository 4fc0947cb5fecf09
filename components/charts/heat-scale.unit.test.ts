// The cohort heatmap's colour scale, as the browser draws it from app/globals.css: one direction of
// lightness from 0 % to 150 % (revenue retention passes 100 %), and text every reader can read.
import { describe, expect, it } from "vitest";
import { type Rgb, type Theme, contrast, deltaE2000, hex, mixOklab, mixSrgb, oklab, themeColours } from "@/test/colour";
import { retentionColor } from "./cohort-heatmap";

const themes = themeColours();

/** Resolves the CSS a cell gets: `var(--color-x)` or `color-mix(in oklab|srgb, var(--color-a) p%, var(--color-b))`. */
function resolve(css: string, theme: Theme): Rgb {
  const token = (name: string) => {
    const value = themes[theme][name];
    if (!value) throw new Error(`--color-${name} is not in the ${theme} theme`);
    return hex(value);
  };
  const plain = /^var\(--color-([a-z0-9-]+)\)$/.exec(css);
  if (plain?.[1]) return token(plain[1]);
  const mix = /^color-mix\(in (oklab|srgb), var\(--color-([a-z0-9-]+)\) ([\d.]+)%, var\(--color-([a-z0-9-]+)\)\)$/.exec(
    css,
  );
  if (!mix?.[2] || !mix[4]) throw new Error(`Not a colour this test reads: ${css}`);
  const [a, p, b] = [token(mix[2]), Number(mix[3]), token(mix[4])];
  return mix[1] === "oklab" ? mixOklab(a, p, b) : mixSrgb(a, p, b);
}

const cell = (value: number | null, theme: Theme) => {
  const style = retentionColor(value);
  const background =
    style.background === "transparent" ? hex(themes[theme].surface ?? "") : resolve(style.background, theme);
  return { background, text: resolve(style.color, theme) };
};

// 0 % to 150 % by tenths of a percent: every value a cell can show.
const VALUES = Array.from({ length: 1501 }, (_, i) => i / 1000);

describe.each(["light", "dark"] as const)("the heatmap scale in the %s theme", (theme) => {
  it("runs one way in lightness from 0 % to 150 %, with no step back", () => {
    const lightness = VALUES.map((v) => oklab(cell(v, theme).background)[0]);
    const direction = Math.sign((lightness.at(-1) ?? 0) - (lightness[0] ?? 0));
    expect(direction).not.toBe(0);
    const back: string[] = [];
    let before: number | undefined;
    for (const [i, l] of lightness.entries()) {
      if (before !== undefined && Math.sign(l - before) === -direction) back.push(`${((i / 1000) * 100).toFixed(1)} %`); // VALUES[i] is i / 1000
      before = l;
    }
    expect(back).toEqual([]);
  });

  it("tells 0 % from 100 % plainly, and 100 % from 150 % visibly", () => {
    const [zero, full, over] = [cell(0, theme).background, cell(1, theme).background, cell(1.5, theme).background];
    // CIEDE2000: about 1 is just noticeable side by side; 35 is most of the way from white to a mid blue.
    expect(deltaE2000(zero, full)).toBeGreaterThanOrEqual(35);
    expect(deltaE2000(full, over)).toBeGreaterThanOrEqual(15);
    // Every ten points of the scale are a step seen between neighbouring cells: above a just-noticeable
    // difference everywhere, and plainly from 40 %, where most of the scale goes as retention mostly lies there.
    const flat = VALUES.filter((v) => v <= 1.4 && Math.round(v * 1000) % 100 === 0).filter(
      (v) => deltaE2000(cell(v, theme).background, cell(v + 0.1, theme).background) < (v < 0.4 ? 1.5 : 2.5),
    );
    expect(flat).toEqual([]);
  });

  it("gives every cell text with AA contrast (4.5:1, WCAG 2)", () => {
    const weak = [null, ...VALUES].flatMap((v) => {
      const { background, text } = cell(v, theme);
      const ratio = contrast(background, text);
      return ratio < 4.5 ? [`${v === null ? "no value" : `${(v * 100).toFixed(1)} %`}: ${ratio.toFixed(2)}:1`] : [];
    });
    expect(weak.slice(0, 10)).toEqual([]);
  });
});

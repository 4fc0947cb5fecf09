// The cancel page's colours from the flow's accent: a button colour with readable text on it, and
// an accent for links and focus rings darkened (light theme) or lightened (dark theme) until it
// reads on the page (WCAG contrast ≥ 4.5), whatever colour an admin picked.

type Rgb = readonly [number, number, number];

export const PAGE_SURFACES = { light: "#ffffff", dark: "#161b22" } as const;
export const DEFAULT_ACCENT = "#4f46e5";
const DARK_TEXT = "#111827";

function parse(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  return [parseInt(m[1] ?? "0", 16), parseInt(m[2] ?? "0", 16), parseInt(m[3] ?? "0", 16)];
}

const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;

function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return 1;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** `color` mixed towards `target` in steps of 5 % until it reaches `ratio` against `surface`. */
function until(color: string, target: Rgb, surface: string, ratio: number): string {
  const [r, g, b] = parse(color) ?? [0, 0, 0];
  for (let step = 0; step <= 20; step++) {
    const t = step / 20;
    const mixed = hex([r + (target[0] - r) * t, g + (target[1] - g) * t, b + (target[2] - b) * t]);
    if (contrast(mixed, surface) >= ratio) return mixed;
  }
  return hex(target);
}

export interface ThemeAccent {
  /** Button background: the brand colour itself. */
  button: string;
  /** Text on the button: white, or a near-black that reads on it. */
  onButton: string;
  /** Links, focus rings, selected borders: readable on the page. */
  text: string;
}

export interface AccentPalette {
  light: ThemeAccent;
  dark: ThemeAccent;
}

/** The palette of an accent colour (`#rrggbb`; anything else falls back to the default accent). */
export function accentPalette(accent: string): AccentPalette {
  const base = parse(accent) ? accent.toLowerCase() : DEFAULT_ACCENT;
  // White when it reads (≥ 4.5), else near-black, else black (one of white and black always reads).
  const onButton = ["#ffffff", DARK_TEXT].find((c) => contrast(base, c) >= 4.5) ?? "#000000";
  return {
    light: { button: base, onButton, text: until(base, [0, 0, 0], PAGE_SURFACES.light, 4.5) },
    dark: { button: base, onButton, text: until(base, [255, 255, 255], PAGE_SURFACES.dark, 4.5) },
  };
}

// Named data sets for db:seed, tests and e2e.
import { type DemoOptions, generateDemo } from "./demo";
import type { Dataset } from "./types";

export const PRESETS = {
  demo: { accounts: 2000, activityMonths: 5 },
  scale: { accounts: 20000, activityMonths: 3 },
} as const satisfies Record<string, Partial<DemoOptions>>;
export type Preset = keyof typeof PRESETS;

export function generatePreset(preset: Preset, seed: number, anchor?: Date): Dataset {
  return generateDemo({ ...PRESETS[preset], seed, anchor });
}

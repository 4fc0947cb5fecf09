// Named data sets for db:seed, tests and e2e.
import { type DemoOptions, generateDemo } from "./demo";
import type { Dataset } from "./types";

export const PRESETS = {
  demo: { accounts: 2000, activityMonths: 5, cancelFlow: true, alerts: true },
  // A usage-billed business at scale: MRR moves most months, and the cancel flow is busy.
  scale: { accounts: 160_000, activityMonths: 1, shape: { usageRate: 1, saveFactor: 2.4, maxTeam: 6 } },
} as const satisfies Record<string, Partial<DemoOptions>>;
export type Preset = keyof typeof PRESETS;

export function generatePreset(preset: Preset, seed: number, anchor?: Date): Dataset {
  return generateDemo({ ...PRESETS[preset], seed, anchor });
}

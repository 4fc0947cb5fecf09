// npm run db:seed -- --preset demo|scale [--seed N] [--anchor YYYY-MM-DD] [--reset]
import { parseArgs } from "node:util";
import { withDatabase } from "@/db/open";
import { isEmpty, loadDataset } from "@/db/seed/load";
import { PRESETS, type Preset, generatePreset } from "@/db/seed/presets";
import { resetData } from "@/db/seed/reset";
import { shapeOf } from "@/db/seed/shape";
import { run } from "./run";

const isPreset = (name: string): name is Preset => Object.hasOwn(PRESETS, name);

run(async () => {
  const { values } = parseArgs({
    options: {
      preset: { type: "string", default: "demo" },
      seed: { type: "string", default: "1" },
      anchor: { type: "string" },
      reset: { type: "boolean", default: false },
    },
  });
  const preset = values.preset;
  if (!isPreset(preset)) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(", ")}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error("--seed must be a non-negative integer");
  const anchor = values.anchor ? new Date(`${values.anchor}T00:00:00Z`) : undefined;
  if (anchor && Number.isNaN(anchor.getTime())) throw new Error("--anchor must be a date like 2026-11-01");

  await withDatabase(async ({ db }) => {
    if (!(await isEmpty(db))) {
      if (!values.reset) throw new Error("The database already holds data: add --reset to replace it with the preset.");
      await resetData(db);
    }
    const started = Date.now();
    const data = generatePreset(preset, seed, anchor);
    await loadDataset(db, data);
    const shape = shapeOf(data.accounts, data.events, anchor ?? new Date());
    console.log(
      `Loaded preset ${values.preset} (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${data.accounts.length} accounts, ${data.events.length} subscription events, ${data.responses.length} cancel answers, ` +
        `${data.userMonths.length + data.featureMonths.length} activity rollups; ${shape.customers} customers now.`,
    );
  });
});

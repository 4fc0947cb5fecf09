"use client";
// Health-score settings: relative weights (shown as shares of the score), key features, threshold.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveHealthSettingsAction } from "@/lib/actions/health/save-health-settings";
import { HEALTH_COMPONENTS, type HealthSettings } from "@/lib/metrics/health";
import { useFormat } from "@/components/providers/format-provider";
import { type ColumnDef, DataTable, type TableLook } from "@/components/ui/data-table";
import { plural } from "@/lib/format";

type HealthComponentName = (typeof HEALTH_COMPONENTS)[number];

const COMPONENT_HELP: Record<HealthComponentName, string> = {
  depth: "Active users in 28 days ÷ seats paid",
  breadth: "Key features used in 28 days ÷ key features",
  trend: "Active users in 28 days ÷ the 28 days before",
  billing: "1, ½ with one unrecovered failed payment in 30 days, 0 with more",
  intent: "0 with a cancel-survey answer in 90 days, else 1",
  voice: "Latest NPS in 180 days ÷ 10",
};
const input = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm";
const weightsLook: TableLook = {
  table: "w-full text-left text-sm",
  thead: "text-xs uppercase tracking-wide text-muted",
  th: "py-1 font-medium",
  tbody: "divide-y divide-line",
  td: "py-2 pr-3",
};

export function HealthSettingsForm({
  settings,
  features,
}: {
  settings: HealthSettings;
  features: { feature: string; accounts: number }[];
}) {
  const fmt = useFormat();
  const router = useRouter();
  const [weights, setWeights] = useState(() =>
    Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, String(Math.round(settings.weights[c] * 100))])),
  );
  const [keys, setKeys] = useState<string[]>(settings.keyFeatures);
  const [extra, setExtra] = useState("");
  const [threshold, setThreshold] = useState(String(settings.threshold));
  const [state, setState] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const total = HEALTH_COMPONENTS.reduce((s, c) => s + (Number(weights[c]) || 0), 0);
  const offered = [...new Set([...features.map((f) => f.feature), ...keys])];

  const columns: ColumnDef<HealthComponentName>[] = [
    {
      header: "Component",
      cell: ({ row: { original: c } }) => (
        <>
          <label htmlFor={`weight-${c}`} className="font-medium capitalize">
            {c}
          </label>
          <p className="text-xs text-muted">{COMPONENT_HELP[c]}</p>
        </>
      ),
    },
    {
      header: "Weight",
      cell: ({ row: { original: c } }) => (
        <input
          id={`weight-${c}`}
          type="number"
          min={0}
          max={100}
          step={1}
          required
          value={weights[c]}
          onChange={(e) => setWeights({ ...weights, [c]: e.target.value })}
          className={`${input} w-24`}
        />
      ),
    },
    {
      header: "Share",
      cell: ({ row: { original: c } }) =>
        total > 0 ? `${Math.round(((Number(weights[c]) || 0) / total) * 100)} %` : "–",
      meta: { cellClassName: "py-2 tabular-nums text-muted" },
    },
  ];

  async function save() {
    setSaving(true);
    const result = await saveHealthSettingsAction({
      weights: Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, (Number(weights[c]) || 0) / 100])),
      keyFeatures: keys,
      threshold: Number(threshold),
    });
    setSaving(false);
    if (result.ok) {
      setState({
        tone: "ok",
        text: `Saved. ${plural(result.data.scored, "account", "accounts", fmt.number)} re-scored, ${fmt.number(result.data.belowThreshold)} below the threshold; ${fmt.number(result.data.queued)} entered the queue.`,
      });
      router.refresh();
    } else setState({ tone: "error", text: result.error });
  }

  return (
    <form
      className="space-y-8"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="rounded-xl border border-line bg-surface p-5">
        <legend className="px-1 font-semibold">Weights</legend>
        <p className="mb-3 text-sm text-muted">
          Relative weights: each component’s share is its weight ÷ the total. A component without data for an account is
          left out and the others scale up.
        </p>
        <DataTable
          caption="Weights"
          columns={columns}
          data={[...HEALTH_COMPONENTS]}
          getRowId={(c) => c}
          look={weightsLook}
        />
      </fieldset>

      <fieldset className="rounded-xl border border-line bg-surface p-5">
        <legend className="px-1 font-semibold">Key features</legend>
        <p className="mb-3 text-sm text-muted">
          Breadth counts how many of these an account used in the last 28 days. With none, breadth is left out.
        </p>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {offered.map((f) => {
            const seen = features.find((x) => x.feature === f);
            return (
              <label key={f} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={keys.includes(f)}
                  onChange={(e) => setKeys(e.target.checked ? [...keys, f] : keys.filter((k) => k !== f))}
                />
                <span className="font-mono">{f}</span>
                <span className="text-xs text-muted">
                  {seen ? `${plural(seen.accounts, "account", "accounts", fmt.number)} in 90 days` : "not seen lately"}
                </span>
              </label>
            );
          })}
        </div>
        <div className="mt-3 flex items-center gap-2">
          <input
            value={extra}
            onChange={(e) => setExtra(e.target.value)}
            placeholder="Another feature name"
            aria-label="Another key feature"
            className={input}
          />
          <button
            type="button"
            className="rounded-md border border-line px-3 py-1.5 text-sm"
            onClick={() => {
              const f = extra.trim();
              if (f && !keys.includes(f)) setKeys([...keys, f]);
              setExtra("");
            }}
          >
            Add
          </button>
        </div>
      </fieldset>

      <fieldset className="rounded-xl border border-line bg-surface p-5">
        <legend className="px-1 font-semibold">At-risk threshold</legend>
        <label className="flex items-center gap-3 text-sm">
          A paying customer whose score falls below
          <input
            type="number"
            min={0}
            max={100}
            required
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
            className={`${input} w-24`}
            aria-label="Threshold"
          />
          enters the recovery queue.
        </label>
      </fieldset>

      {state && (
        <p
          role={state.tone === "ok" ? "status" : "alert"}
          className={`text-sm ${state.tone === "ok" ? "text-good" : "text-bad"}`}
        >
          {state.text}
        </p>
      )}
      <button
        type="submit"
        disabled={saving || total <= 0}
        className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink disabled:opacity-60"
      >
        {saving ? "Saving and re-scoring…" : "Save and re-score"}
      </button>
    </form>
  );
}

"use client";
// The alert rule form: when (the condition and its number), only for (MRR, segment, plan), then
// (assign, follow-up, notify, Slack). "Preview" counts the accounts it would fire on now.
import { useState } from "react";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { previewAlertRuleAction } from "@/lib/actions/alerts/manage-alert-rule";
import { createAlertRuleAction, updateAlertRuleAction } from "@/lib/actions/alerts/save-alert-rule";
import type { AlertPreview, AlertRuleInput, AlertTrigger, AlertTriggerKind } from "@/lib/types/alerts";
import { triggerWords } from "@/lib/metrics/alerts";
import { ALERT_TRIGGER_KINDS, SEGMENTS } from "@/lib/values";
import { RuleActionsFields } from "./rule-actions";

export type { RuleUser } from "./rule-actions";
import type { RuleUser } from "./rule-actions";

const NUMBER_OF: Partial<Record<AlertTriggerKind, { field: "points" | "days"; label: string; start: number }>> = {
  health_drop: { field: "points", label: "Points", start: 10 },
  trial_ending: { field: "days", label: "Days", start: 7 },
  payment_failed: { field: "days", label: "Days", start: 3 },
};

function triggerOf(kind: AlertTriggerKind, n: number): AlertTrigger {
  switch (kind) {
    case "health_drop":
      return { kind, points: n };
    case "trial_ending":
    case "payment_failed":
      return { kind, days: n };
    default:
      return { kind };
  }
}

const numberIn = (t: AlertTrigger) => ("points" in t ? t.points : "days" in t ? t.days : 0);

export const EMPTY_RULE: AlertRuleInput = {
  name: "",
  enabled: true,
  trigger: { kind: "health_drop", points: 10 },
  filters: { minMrrCents: null, segment: null, plan: null },
  actions: {
    assign: { mode: "owner" },
    followUpDays: 2,
    notify: { assignee: true, roles: [], userIds: [] },
    slackUrl: null,
  },
};

const input = "mt-1 rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export function RuleForm({
  id,
  initial,
  users,
  plans,
  currency,
  onDone,
}: {
  currency: string;
  id: string | null;
  initial: AlertRuleInput;
  users: RuleUser[];
  plans: string[];
  onDone: () => void;
}) {
  const [rule, setRule] = useState(initial);
  const [preview, setPreview] = useState<AlertPreview | null>(null);
  const save = useAction();
  const look = useAction();
  const set = (change: Partial<AlertRuleInput>) => {
    setRule((r) => ({ ...r, ...change }));
    setPreview(null);
  };
  const actions = rule.actions;
  const setActions = (change: Partial<AlertRuleInput["actions"]>) => set({ actions: { ...actions, ...change } });
  const number = NUMBER_OF[rule.trigger.kind];

  return (
    <form
      aria-label={id ? "Edit alert rule" : "New alert rule"}
      className="space-y-5 rounded-xl border border-line bg-surface p-5"
      onSubmit={(event) => {
        event.preventDefault();
        void save
          .run(
            () => (id ? updateAlertRuleAction({ id, rule }) : createAlertRuleAction(rule)),
            id ? "Rule saved." : "Rule created: its first round runs now.",
          )
          .then((r) => r.ok && onDone());
      }}
    >
      <div>
        <label htmlFor="rule-name" className="block font-medium">
          Name
        </label>
        <input
          id="rule-name"
          required
          maxLength={100}
          value={rule.name}
          onChange={(e) => set({ name: e.target.value })}
          className={`${input} w-full max-w-md`}
          placeholder="Big accounts falling"
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">When</legend>
        <div className="flex flex-wrap items-end gap-3">
          <select
            aria-label="Condition"
            value={rule.trigger.kind}
            onChange={(e) => {
              const kind = ALERT_TRIGGER_KINDS.find((k) => k === e.target.value) ?? "health_drop";
              set({ trigger: triggerOf(kind, NUMBER_OF[kind]?.start ?? 0) });
            }}
            className={input}
          >
            {ALERT_TRIGGER_KINDS.map((k) => (
              <option key={k} value={k}>
                {triggerWords(triggerOf(k, NUMBER_OF[k]?.start ?? 0))
                  .replace(/\d+ (points?|days?)/, `N $1`)
                  .replace(/N (point|day)\b/, "N $1s")}
              </option>
            ))}
          </select>
          {number && (
            <label className="text-sm">
              {number.label}
              <input
                type="number"
                min={number.field === "points" ? 1 : 0}
                max={number.field === "points" ? 100 : 90}
                required
                value={numberIn(rule.trigger)}
                onChange={(e) => set({ trigger: triggerOf(rule.trigger.kind, Number(e.target.value)) })}
                className={`${input} ml-2 w-20`}
              />
            </label>
          )}
        </div>
        <p className="text-sm text-muted" data-testid="rule-sentence">
          {triggerWords(rule.trigger)}.
        </p>
      </fieldset>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 font-medium">Only for</legend>
        <label className="text-sm">
          MRR at least ({currency})
          <input
            type="number"
            min={0}
            value={rule.filters.minMrrCents === null ? "" : rule.filters.minMrrCents / 100}
            onChange={(e) =>
              set({
                filters: {
                  ...rule.filters,
                  minMrrCents: e.target.value === "" ? null : Math.round(Number(e.target.value) * 100),
                },
              })
            }
            className={`${input} ml-2 w-28`}
          />
        </label>
        <label className="text-sm">
          Segment
          <select
            value={rule.filters.segment ?? ""}
            onChange={(e) =>
              set({ filters: { ...rule.filters, segment: SEGMENTS.find((s) => s === e.target.value) ?? null } })
            }
            className={`${input} ml-2`}
          >
            <option value="">Any</option>
            {SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Plan
          <select
            value={rule.filters.plan ?? ""}
            onChange={(e) => set({ filters: { ...rule.filters, plan: e.target.value || null } })}
            className={`${input} ml-2`}
          >
            <option value="">Any</option>
            {plans.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <RuleActionsFields actions={actions} users={users} onChange={setActions} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={look.busy}
          onClick={() =>
            void look
              .run(
                () => previewAlertRuleAction({ trigger: rule.trigger, filters: rule.filters }),
                "",
                undefined,
                () => false,
              )
              .then((r) => {
                look.clear();
                if (r.ok) setPreview(r.data);
              })
          }
          className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-canvas disabled:opacity-50"
        >
          Preview
        </button>
        <button
          type="submit"
          disabled={save.busy}
          className="rounded-md bg-accent px-4 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-50"
        >
          {id ? "Save rule" : "Create rule"}
        </button>
        <button type="button" onClick={onDone} className="text-sm text-muted underline">
          Cancel
        </button>
      </div>
      {preview && (
        <div role="status" className="rounded-lg border border-line bg-canvas p-3 text-sm" data-testid="rule-preview">
          <p className="font-medium">
            Would fire on {preview.count} {preview.count === 1 ? "account" : "accounts"} now.
          </p>
          {preview.sample.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {preview.sample.map((s) => (
                <li key={s.externalId}>
                  {s.name}: {s.detail}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ActionNotice message={look.message ?? save.message} onReload={save.reload} onDismiss={save.clear} />
    </form>
  );
}

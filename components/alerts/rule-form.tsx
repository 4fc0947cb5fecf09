"use client";
// The alert rule form: when (the condition and its number), only for (MRR, segment, plan), then
// (assign, follow-up, notify, Slack). "Preview" counts the accounts it would fire on now.
import { useState } from "react";
import { useAction } from "@/components/ui/use-action";
import { previewAlertRuleAction } from "@/lib/actions/alerts/manage-alert-rule";
import { createAlertRuleAction, updateAlertRuleAction } from "@/lib/actions/alerts/save-alert-rule";
import type { AlertPreview, AlertRuleInput, AlertTrigger, AlertTriggerKind } from "@/lib/types/alerts";
import { triggerWords } from "@/lib/metrics/alerts";
import { ALERT_TRIGGER_KINDS, SEGMENTS } from "@/lib/values";
import { RuleActionsFields } from "./rule-actions";

export type { RuleUser } from "./rule-actions";
import type { RuleUser } from "./rule-actions";

/** The condition's number: its field, label, first value and the bounds the server holds it to. */
const NUMBER_OF: Partial<
  Record<AlertTriggerKind, { field: "points" | "days"; label: string; start: number; min: number; max: number }>
> = {
  health_drop: { field: "points", label: "Points", start: 10, min: 1, max: 100 },
  trial_ending: { field: "days", label: "Days", start: 7, min: 1, max: 90 },
  payment_failed: { field: "days", label: "Days", start: 3, min: 0, max: 90 },
};

/** A refused field's name in the form's words, and the control to take the user back to. */
const FIELD_OF: Record<string, { label: string; control: string }> = {
  name: { label: "Name", control: "rule-name" },
  "trigger.points": { label: "Points", control: "rule-number" },
  "trigger.days": { label: "Days", control: "rule-number" },
  "filters.minMrrCents": { label: "MRR at least", control: "rule-min-mrr" },
  "filters.segment": { label: "Segment", control: "rule-segment" },
  "filters.plan": { label: "Plan", control: "rule-plan" },
  "actions.assign.userIds": { label: "Assign to, in turn", control: "rule-assign" },
  "actions.assign.userId": { label: "Assign to one user", control: "rule-assign" },
  "actions.followUpDays": { label: "Follow up in", control: "rule-follow-up" },
  "actions.slackUrl": { label: "Slack URL", control: "rule-slack-url" },
  actions: { label: "Then", control: "rule-assign" },
};

/** "filters.minMrrCents: filters.minMrrCents must be …" → "MRR at least: must be …". */
function fieldMessage(field: string | undefined, error: string): string {
  const named = field ? FIELD_OF[field] : undefined;
  if (!field || !named) return error;
  const unprefixed = error.startsWith(`${field}: `) ? error.slice(field.length + 2) : error;
  const message = unprefixed.startsWith(`${field} `) ? unprefixed.slice(field.length + 1) : unprefixed;
  return `${named.label}: ${message}`;
}

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

/** The sentence of a trigger whose number may be half-typed (empty reads as N). */
const sentenceOf = (t: AlertTrigger) => {
  const n = numberIn(t);
  return Number.isNaN(n) ? triggerWords(triggerOf(t.kind, 2)).replace("2", "N") : triggerWords(t);
};

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
  /** Closes the form; `message` says what was saved. */
  onDone: (message?: string) => void;
}) {
  const [rule, setRule] = useState(initial);
  const [preview, setPreview] = useState<AlertPreview | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const save = useAction();
  const look = useAction();
  // A change makes the last answer (preview, refusal) stale: it goes.
  const set = (change: Partial<AlertRuleInput>) => {
    setRule((r) => ({ ...r, ...change }));
    setPreview(null);
    setRefused(null);
    save.clear();
    look.clear();
  };
  /** Shows a refusal in the form's words and takes the user to the field it names. */
  const refuse = (result: { field?: string; error: string }) => {
    setRefused(fieldMessage(result.field, result.error));
    const control = result.field ? FIELD_OF[result.field]?.control : undefined;
    if (control) document.getElementById(control)?.focus();
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
        setRefused(null);
        look.clear();
        const done = id
          ? `Rule “${rule.name.trim()}” saved.`
          : `Rule “${rule.name.trim()}” created: its first round runs now.`;
        void save
          .run(
            () => (id ? updateAlertRuleAction({ id, rule }) : createAlertRuleAction(rule)),
            done,
            undefined,
            () => false,
          )
          .then((r) => {
            save.clear();
            if (r.ok) onDone(done);
            else refuse(r);
          });
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
            id="rule-condition"
            aria-label="Condition"
            value={rule.trigger.kind}
            onChange={(e) => {
              const kind = ALERT_TRIGGER_KINDS.find((k) => k === e.target.value) ?? "health_drop";
              set({ trigger: triggerOf(kind, NUMBER_OF[kind]?.start ?? 0) });
            }}
            className={`${input} max-w-full`}
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
                id="rule-number"
                type="number"
                min={number.min}
                max={number.max}
                step={1}
                required
                value={Number.isNaN(numberIn(rule.trigger)) ? "" : numberIn(rule.trigger)}
                onChange={(e) =>
                  set({
                    trigger: triggerOf(rule.trigger.kind, e.target.value === "" ? Number.NaN : Number(e.target.value)),
                  })
                }
                className={`${input} ml-2 w-20`}
              />
            </label>
          )}
        </div>
        <p className="text-sm text-muted" data-testid="rule-sentence">
          {sentenceOf(rule.trigger)}.
        </p>
      </fieldset>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 font-medium">Only for</legend>
        <label className="text-sm">
          MRR at least ({currency})
          <input
            id="rule-min-mrr"
            type="number"
            min={0}
            max={10_000_000}
            step={0.01}
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
            id="rule-segment"
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
            id="rule-plan"
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
          onClick={(event) => {
            // The browser's own checks first (a number out of bounds, a half-typed one), as Create does.
            if (!event.currentTarget.form?.reportValidity()) return;
            setRefused(null);
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
                else refuse(r);
              });
          }}
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
        <button type="button" onClick={() => onDone()} className="text-sm text-muted underline">
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
      {refused && (
        <p
          role="alert"
          className="rounded-lg border border-bad-line bg-bad-soft p-3 text-sm text-bad"
          data-testid="rule-refused"
        >
          {refused}
        </p>
      )}
    </form>
  );
}

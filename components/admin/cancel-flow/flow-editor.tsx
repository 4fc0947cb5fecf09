"use client";
// The editor of one cancel flow: its name and targeting, its look, 3 to 8 reasons with their
// questions and offers, the "something else" offer and every text of the page, checked by the same
// schema as the server (each error beside its field), with the live preview beside it. Saving makes
// a new version; an old version opens read-only.
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { saveCancelFlowAction } from "@/lib/actions/cancel-flows/save-cancel-flow";
import { TEXT_FIELDS } from "@/lib/cancel/diff";
import type { VariantMeasure } from "@/lib/metrics/cancel-measures";
import { contentForVariant } from "@/lib/metrics/experiment";
import { formatSegment } from "@/lib/format";
import type { CancelFlowSnapshot, CancelFlowTexts } from "@/lib/types/cancel-flow";
import { SEGMENTS } from "@/lib/values";
import {
  type FieldErrors,
  type FlowDraft,
  type ReasonDraft,
  blankReason,
  checkDraft,
  draftInput,
  fieldKey,
  flowDraft,
  previewContent,
} from "./draft";
import { ExperimentFields, type PreviewVariant } from "./experiment-fields";
import { FieldError, TextField, control, described, fieldId, smallButton } from "./fields";
import { FlowPreview } from "./flow-preview";
import { OfferFields } from "./offer-fields";
import { ReasonCard } from "./reason-card";

const LONG_TEXTS = new Set<keyof CancelFlowTexts>([
  "reasonIntro",
  "confirmBody",
  "goodbyeData",
  "goodbyeReturn",
  "savedBody",
]);
// min-w-0: a fieldset is as wide as its widest content by default, wider than a phone.
const section = "min-w-0 rounded-xl border border-line bg-surface p-4 sm:p-5";
const legend = "px-1 font-semibold";

export interface EditorProps {
  /** Absent for a new flow (a copy of the default's content until saved). */
  flowId?: string;
  isDefault: boolean;
  /** The version the draft starts from (absent for a new flow). */
  version?: number;
  /** The newest version, which a save must follow. */
  newest?: number;
  snapshot: CancelFlowSnapshot;
  /** An old version, shown read-only. */
  readOnly: boolean;
  knownCodes: string[];
  currency: string;
  /** The shown version's experiment results per variant (none for a new flow). */
  experimentResults?: VariantMeasure[];
}

export function FlowEditor(props: EditorProps) {
  const { flowId, isDefault, snapshot, readOnly, knownCodes, currency } = props;
  const router = useRouter();
  const { run, busy, message, clear, reload, say } = useAction();
  const startKey = `${flowId ?? "new"}:${props.version ?? 0}`;
  const [draft, setDraft] = useState<FlowDraft>(() => flowDraft(snapshot));
  const [started, setStarted] = useState(startKey);
  const [initial, setInitial] = useState(() => JSON.stringify(draftInput(flowDraft(snapshot))));
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [previewVariant, setPreviewVariant] = useState<PreviewVariant>("A");
  // Another version opened (or a restore made one): the form starts again from it.
  if (started !== startKey) {
    setStarted(startKey);
    setDraft(flowDraft(snapshot));
    setInitial(JSON.stringify(draftInput(flowDraft(snapshot))));
    setServerErrors({});
    setTried(false);
  }
  const checked = useMemo(() => checkDraft(draft), [draft]);
  const errors: FieldErrors = tried ? { ...checked.errors, ...serverErrors } : serverErrors;
  const preview = useMemo(
    () => contentForVariant(checked.content ?? previewContent(draft), previewVariant),
    [checked.content, draft, previewVariant],
  );
  const dirty = JSON.stringify(draftInput(draft)) !== initial;
  const form = useRef<HTMLFormElement>(null);

  const set = (patch: Partial<FlowDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (Object.keys(serverErrors).length > 0) setServerErrors({});
  };
  const setReason = (i: number, r: ReasonDraft) => set({ reasons: draft.reasons.map((x, j) => (j === i ? r : x)) });
  const moveReason = (i: number, by: -1 | 1) => {
    const next = [...draft.reasons];
    const [r] = next.splice(i, 1);
    if (r) next.splice(i + by, 0, r);
    set({ reasons: next });
  };

  function focusFirstError(keys: string[]) {
    const box = form.current;
    if (!box) return;
    const first = box.querySelector<HTMLElement>(
      keys.map((k) => `#${CSS.escape(fieldId(k))}, [data-field-error="${k}"]`).join(", "),
    );
    const target = first?.matches("[data-field-error]")
      ? (box.querySelector<HTMLElement>(`[aria-describedby~="${first.id}"]`) ?? first)
      : first;
    target?.focus();
  }

  async function save() {
    setTried(true);
    const problems = Object.keys(checked.errors);
    if (problems.length > 0) {
      say({
        tone: "error",
        text: `Nothing was saved: ${problems.length === 1 ? "one field needs" : `${problems.length} fields need`} a change (marked below).`,
      });
      requestAnimationFrame(() => focusFirstError(problems));
      return;
    }
    const result = await run(
      () => saveCancelFlowAction({ ...draftInput(draft), flowId, baseVersion: props.newest }),
      (d) =>
        d.saved
          ? flowId
            ? `Saved as version ${d.version}: ${d.changes.join("; ")}.`
            : `Created “${draft.name}”.`
          : "Nothing changed: no version was made.",
    );
    if (result.ok) {
      setInitial(JSON.stringify(draftInput(draft)));
      if (!flowId) router.push(`/admin/cancel-flow?flow=${encodeURIComponent(result.data.flowId)}`);
    } else if (result.field) {
      const key = fieldKey(result.field.split("."));
      setServerErrors({ [key]: result.error.replace(`${result.field}: `, "") });
      requestAnimationFrame(() => focusFirstError([key]));
    }
  }

  const accentValid = /^#[0-9a-fA-F]{6}$/.test(draft.accentColor);
  const noTargeting = !isDefault && draft.segments.length === 0 && !draft.plans.trim() && !draft.locales.trim();
  const locale = draft.locales.split(",")[0]?.trim() || "en-US";

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(360px,440px)] xl:grid-cols-[minmax(0,1fr)_minmax(400px,540px)]">
      <form
        ref={form}
        aria-label="Edit the cancel flow"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        className="min-w-0 space-y-6"
      >
        <ActionNotice message={message} onReload={reload} onDismiss={clear} />
        <fieldset disabled={readOnly} className="contents">
          <fieldset className={section}>
            <legend className={legend}>Flow</legend>
            <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
              <TextField
                path="name"
                label="Name"
                value={draft.name}
                onChange={(name) => set({ name })}
                error={errors.name}
                hint="For you and the other admins; customers never see it."
                className="sm:col-span-2"
              />
              {isDefault ? (
                <p className="text-sm text-muted sm:col-span-2">
                  The default flow is for everyone: it is tried last, when no targeted flow matches.
                </p>
              ) : (
                <>
                  <fieldset
                    className="text-sm sm:col-span-2"
                    aria-describedby={
                      errors["targeting.segments"] ? `${fieldId("targeting.segments")}-error` : undefined
                    }
                  >
                    <legend className="font-medium">Segments</legend>
                    <div className="mt-1 flex flex-wrap gap-4">
                      {SEGMENTS.map((s) => (
                        <label key={s} className="flex items-center gap-2">
                          <input
                            type="checkbox"
                            checked={draft.segments.includes(s)}
                            onChange={(e) =>
                              set({
                                segments: e.target.checked
                                  ? SEGMENTS.filter((x) => x === s || draft.segments.includes(x))
                                  : draft.segments.filter((x) => x !== s),
                              })
                            }
                          />
                          {formatSegment(s)}
                        </label>
                      ))}
                    </div>
                    <FieldError path="targeting.segments" error={errors["targeting.segments"]} />
                  </fieldset>
                  <TextField
                    path="targeting.plans"
                    label="Plans"
                    value={draft.plans}
                    onChange={(plans) => set({ plans })}
                    error={errors["targeting.plans"]}
                    hint="Separated by commas; empty for any plan."
                  />
                  <TextField
                    path="targeting.locales"
                    label="Locales"
                    value={draft.locales}
                    onChange={(locales) => set({ locales })}
                    error={errors["targeting.locales"]}
                    hint="Tags such as de or en-GB, separated by commas; de also matches de-AT."
                  />
                  {noTargeting && (
                    <p className="rounded-md border border-warn-line bg-warn-soft px-3 py-2 text-sm text-warn sm:col-span-2">
                      With no segment, plan or locale this flow is for everyone: every session starts on it, and the
                      flows after it and the default are never used.
                    </p>
                  )}
                </>
              )}
            </div>
          </fieldset>

          <fieldset className={section}>
            <legend className={legend}>Look</legend>
            <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
              <TextField
                path="content.productName"
                label="Product name"
                value={draft.productName}
                onChange={(productName) => set({ productName })}
                error={errors["content.productName"]}
              />
              <TextField
                path="content.logoUrl"
                label="Logo URL (optional)"
                type="url"
                value={draft.logoUrl}
                onChange={(logoUrl) => set({ logoUrl })}
                error={errors["content.logoUrl"]}
                placeholder="https://"
              />
              <div className="text-sm">
                <label htmlFor={fieldId("content.accentColor")} className="font-medium">
                  Accent colour
                </label>
                <div className="mt-1 flex items-center gap-2">
                  <input
                    type="color"
                    aria-label="Pick the accent colour"
                    value={accentValid ? draft.accentColor.toLowerCase() : "#000000"}
                    onChange={(e) => set({ accentColor: e.target.value })}
                    className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-line bg-surface p-0.5"
                  />
                  <input
                    {...described("content.accentColor", errors["content.accentColor"])}
                    value={draft.accentColor}
                    onChange={(e) => set({ accentColor: e.target.value })}
                    className={`${control} mt-0 font-mono`}
                    spellCheck={false}
                  />
                </div>
                <FieldError path="content.accentColor" error={errors["content.accentColor"]} />
              </div>
              <label className="flex items-center gap-2 self-end pb-2 text-sm">
                <input type="checkbox" checked={draft.showLoss} onChange={(e) => set({ showLoss: e.target.checked })} />
                Start with “What you would lose”
              </label>
            </div>
          </fieldset>

          <fieldset className={section} aria-describedby="cf-reasons-help">
            <legend className={legend}>Reasons</legend>
            <p id="cf-reasons-help" className="mb-3 text-sm text-muted">
              3 to 8 reasons, in the order shown, each with its own code. The customer may also pick “something else”
              and say it in their own words.
            </p>
            <FieldError path="content.reasons" error={errors["content.reasons"]} />
            <ol className="space-y-4">
              {draft.reasons.map((r, i) => (
                <ReasonCard
                  key={r.key}
                  index={i}
                  count={draft.reasons.length}
                  reason={r}
                  onChange={(next) => setReason(i, next)}
                  onMove={(by) => moveReason(i, by)}
                  onRemove={() => set({ reasons: draft.reasons.filter((_, j) => j !== i) })}
                  errors={errors}
                  knownCodes={knownCodes}
                  currency={currency}
                  disabled={readOnly}
                  canRemove={draft.reasons.length > 3}
                />
              ))}
            </ol>
            <button
              type="button"
              className={`${smallButton} mt-3 px-3 py-1.5 text-sm`}
              disabled={readOnly || draft.reasons.length >= 8}
              onClick={() => set({ reasons: [...draft.reasons, blankReason()] })}
            >
              Add a reason
            </button>
            {draft.reasons.length >= 8 && <p className="mt-1 text-xs text-muted">A flow has at most 8 reasons.</p>}
          </fieldset>

          <fieldset className={section}>
            <legend className={legend}>“Something else”</legend>
            <p className="mb-3 text-sm text-muted">
              Offered after the customer says in their own words what went wrong (reason code other).
            </p>
            <OfferFields
              path="content.somethingElseOffer"
              offer={draft.somethingElseOffer}
              onChange={(somethingElseOffer) => set({ somethingElseOffer })}
              errors={errors}
              currency={currency}
              disabled={readOnly}
            />
          </fieldset>

          <fieldset className={section} aria-labelledby="cf-experiment-legend">
            <legend id="cf-experiment-legend" className={legend}>
              Offer experiment
            </legend>
            <ExperimentFields
              draft={draft}
              onDraft={(next) => set(next)}
              saved={snapshot.content.experiment ?? null}
              results={props.experimentResults ?? []}
              errors={errors}
              currency={currency}
              disabled={readOnly}
              previewVariant={draft.experiment ? previewVariant : "A"}
              onPreviewVariant={setPreviewVariant}
            />
          </fieldset>

          <fieldset className={section}>
            <legend className={legend}>Texts of the page</legend>
            <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
              {TEXT_FIELDS.map(({ key, label }) => (
                <TextField
                  key={key}
                  path={`content.texts.${key}`}
                  label={label}
                  value={draft.texts[key]}
                  onChange={(value) => set({ texts: { ...draft.texts, [key]: value } })}
                  error={errors[`content.texts.${key}`]}
                  multiline={LONG_TEXTS.has(key)}
                  className={LONG_TEXTS.has(key) ? "sm:col-span-2" : ""}
                />
              ))}
            </div>
          </fieldset>
        </fieldset>

        {!readOnly && (
          <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 rounded-xl border border-line bg-surface/95 p-3 backdrop-blur">
            <button
              type="submit"
              disabled={busy}
              className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink disabled:opacity-60"
            >
              {busy ? "Saving…" : flowId ? "Save as a new version" : "Create the flow"}
            </button>
            <span className="text-sm text-muted" aria-live="polite">
              {!flowId ? "Not created yet." : dirty ? "Unsaved changes." : "No changes since this version."}
            </span>
          </div>
        )}
      </form>
      <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        <FlowPreview content={preview} locale={locale} currency={currency} />
      </div>
    </div>
  );
}

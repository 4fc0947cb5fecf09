// The editor's offer experiment (SPEC §7): none runs → start one on a reason, with variant B's offer
// and its share of sessions; one runs → its results so far beside each variant, and "Keep A" or
// "Keep B" to end it (the save makes the new version, whose sessions all see the kept offer).
import { VariantResults } from "@/components/reasons/variant-results";
import { IntentLink } from "@/components/ui/intent-link";
import { offerWords } from "@/lib/cancel/diff";
import type { VariantMeasure } from "@/lib/metrics/cancel-measures";
import type { CancelExperiment } from "@/lib/types/cancel-flow";
import { SOMETHING_ELSE_REASON } from "@/lib/values";
import { type ExperimentDraft, type FieldErrors, type FlowDraft, previewContent } from "./draft";
import { keepVariant, newExperiment } from "./experiment-draft";
import { FieldError, TextField, control, described, smallButton } from "./fields";
import { OfferFields } from "./offer-fields";

export type PreviewVariant = "A" | "B";

export function ExperimentFields({
  draft,
  onDraft,
  saved,
  results,
  errors,
  currency,
  disabled,
  previewVariant,
  onPreviewVariant,
}: {
  draft: FlowDraft;
  onDraft: (draft: FlowDraft) => void;
  /** The experiment of the version this draft started from. */
  saved: CancelExperiment | null;
  /** That version's results per variant (empty when it ran none or nothing has ended yet). */
  results: VariantMeasure[];
  errors: FieldErrors;
  currency: string;
  disabled: boolean;
  previewVariant: PreviewVariant;
  onPreviewVariant: (variant: PreviewVariant) => void;
}) {
  const experiment = draft.experiment;
  const setExperiment = (patch: Partial<ExperimentDraft>) =>
    experiment && onDraft({ ...draft, experiment: { ...experiment, ...patch } });
  const reasonLabels = Object.fromEntries(draft.reasons.map((r) => [r.code, r.label]));
  const path = "content.experiment";

  if (!experiment) {
    return (
      <div className="space-y-3 text-sm">
        {saved ? (
          <p role="status" className="rounded-md border border-warn-line bg-warn-soft px-3 py-2">
            The experiment on {slotName(saved.reasonCode, reasonLabels)} ends when you save: the new version shows every
            customer one offer there.
          </p>
        ) : (
          <p className="text-muted">
            No experiment runs on this flow. Try a second offer against a reason’s own on a share of the sessions: each
            session keeps its variant, and the save rates come in here and on the Reasons page.
          </p>
        )}
        <button
          type="button"
          className={`${smallButton} px-3 py-1.5 text-sm`}
          disabled={disabled}
          onClick={() => onDraft({ ...draft, experiment: newExperiment(draft) })}
        >
          Start an experiment
        </button>
      </div>
    );
  }

  const previewA = previewContent({ ...draft, experiment: null });
  const offerA =
    experiment.reasonCode === SOMETHING_ELSE_REASON
      ? previewA.somethingElseOffer
      : previewA.reasons.find((r) => r.code === experiment.reasonCode)?.offer;
  const running = saved !== null && results.length > 0;
  const reasonAria = described(`${path}.reasonCode`, errors[`${path}.reasonCode`]);
  return (
    <div className="space-y-4 text-sm">
      <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
        <div>
          <label htmlFor={reasonAria.id} className="font-medium">
            Reason it runs on
          </label>
          <select
            {...reasonAria}
            value={experiment.reasonCode}
            disabled={disabled}
            onChange={(e) => setExperiment({ reasonCode: e.target.value })}
            className={control}
          >
            {draft.reasons.map((r) => (
              <option key={r.key} value={r.code}>
                {r.label || "(no label yet)"} ({r.code || "no code yet"})
              </option>
            ))}
            <option value={SOMETHING_ELSE_REASON}>“Something else” ({SOMETHING_ELSE_REASON})</option>
          </select>
          <FieldError path={`${path}.reasonCode`} error={errors[`${path}.reasonCode`]} />
        </div>
        <TextField
          path={`${path}.shareB`}
          label="Sessions shown variant B (%)"
          value={experiment.shareB}
          onChange={(shareB) => setExperiment({ shareB })}
          error={errors[`${path}.shareB`]}
          hint="5 to 95. A hash of each session's id picks its variant, so it never changes."
          inputMode="numeric"
          disabled={disabled}
        />
      </div>
      <p>
        <span className="font-medium">Variant A</span> keeps the reason’s own offer:{" "}
        {offerA ? offerWords(offerA, currency) : "–"} <span className="text-muted">(edit it above).</span>
      </p>
      <fieldset className="min-w-0 rounded-lg border border-line p-3">
        <legend className="px-1 font-medium">Variant B’s offer</legend>
        <OfferFields
          path={`${path}.offerB`}
          offer={experiment.offerB}
          onChange={(offerB) => setExperiment({ offerB })}
          errors={errors}
          currency={currency}
          disabled={disabled}
        />
      </fieldset>
      {running ? (
        <div className="space-y-2 rounded-lg border border-line p-3" data-testid="experiment-results">
          <VariantResults rows={results} currency={currency} reasonLabels={reasonLabels} />
          <p className="text-xs text-muted">
            Sessions of this version that ended saved or canceled; a save counts once it has held 30 days.{" "}
            <IntentLink href="/docs/metrics#save-rate-by-variant" className="text-accent underline underline-offset-2">
              How the interval is worked out
            </IntentLink>
          </p>
        </div>
      ) : saved ? (
        <p className="text-muted">No session of this version has ended yet: results appear here as they do.</p>
      ) : (
        <p className="text-muted">The experiment starts when you save: the new version splits its sessions.</p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{saved ? "End it:" : "Not saved yet:"}</span>
        {saved ? (
          (["A", "B"] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`${smallButton} px-3 py-1.5 text-sm`}
              disabled={disabled}
              onClick={() => onDraft(keepVariant(draft, v))}
            >
              Keep {v}
            </button>
          ))
        ) : (
          <button
            type="button"
            className={`${smallButton} px-3 py-1.5 text-sm`}
            disabled={disabled}
            onClick={() => onDraft({ ...draft, experiment: null })}
          >
            Remove the experiment
          </button>
        )}
      </div>
      <fieldset className="flex flex-wrap items-center gap-4">
        <legend className="sr-only">The preview shows</legend>
        <span aria-hidden="true" className="font-medium">
          The preview shows
        </span>
        {(["A", "B"] as const).map((v) => (
          <label key={v} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="preview-variant"
              checked={previewVariant === v}
              onChange={() => onPreviewVariant(v)}
            />
            Variant {v}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function slotName(reasonCode: string, labels: Record<string, string>): string {
  if (reasonCode === SOMETHING_ELSE_REASON) return "“something else”";
  return `“${labels[reasonCode] ?? reasonCode}”`;
}

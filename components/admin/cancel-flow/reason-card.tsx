// One reason of the flow: the label the customer reads, its reason code (Stripe's feedback codes
// first, then the taxonomy's, or a code of the admin's own), an optional follow-up question, and
// the offer made for it; with buttons to move or remove it.
import { useState } from "react";
import { STRIPE_FEEDBACK_CODES } from "@/lib/values";
import type { FieldErrors, ReasonDraft } from "./draft";
import { FieldError, TextField, control, described, smallButton } from "./fields";
import { OfferFields } from "./offer-fields";

const CUSTOM = "__custom";

export function ReasonCard({
  index,
  count,
  reason,
  onChange,
  onMove,
  onRemove,
  errors,
  knownCodes,
  currency,
  disabled,
  canRemove,
}: {
  index: number;
  count: number;
  reason: ReasonDraft;
  onChange: (reason: ReasonDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  errors: FieldErrors;
  knownCodes: string[];
  currency: string;
  disabled: boolean;
  canRemove: boolean;
}) {
  const path = `content.reasons.${index}`;
  const field = (name: string) => `${path}.${name}`;
  const set = (patch: Partial<ReasonDraft>) => onChange({ ...reason, ...patch });
  const taxonomy = knownCodes.filter(
    (c) => !STRIPE_FEEDBACK_CODES.some((s) => s === c) && c !== "other" && c !== "no_answer",
  );
  const listed = [...STRIPE_FEEDBACK_CODES, ...taxonomy];
  const [custom, setCustom] = useState(() => reason.code !== "" && !listed.includes(reason.code));
  const codeError = errors[field("code")];
  const title = reason.label.trim() || `Reason ${index + 1}`;
  const headingId = `${described(path, undefined).id}-title`;

  return (
    <li className="min-w-0 rounded-lg border border-line bg-canvas/50 p-3 sm:p-4" aria-labelledby={headingId}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h4 id={headingId} className="text-sm font-semibold">
          {index + 1}. {title}
        </h4>
        <div className="flex flex-wrap gap-1">
          <button
            type="button"
            className={smallButton}
            disabled={disabled || index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move “${title}” up`}
          >
            ↑ Up
          </button>
          <button
            type="button"
            className={smallButton}
            disabled={disabled || index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move “${title}” down`}
          >
            ↓ Down
          </button>
          <button
            type="button"
            className={`${smallButton} text-bad`}
            disabled={disabled || !canRemove}
            onClick={onRemove}
            aria-label={`Remove “${title}”`}
            title={canRemove ? undefined : "A flow needs at least 3 reasons"}
          >
            Remove
          </button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 [&>*]:min-w-0">
        <TextField
          path={field("label")}
          label="Label the customer reads"
          value={reason.label}
          onChange={(label) => set({ label })}
          error={errors[field("label")]}
          disabled={disabled}
        />
        <div className="text-sm">
          <label htmlFor={`${described(field("code"), undefined).id}-pick`} className="font-medium">
            Reason code
          </label>
          <select
            id={`${described(field("code"), undefined).id}-pick`}
            value={custom ? CUSTOM : reason.code}
            disabled={disabled}
            aria-describedby={!custom && codeError ? `${described(field("code"), undefined).id}-error` : undefined}
            aria-invalid={!custom && codeError ? true : undefined}
            onChange={(e) => {
              if (e.target.value === CUSTOM) setCustom(true);
              else {
                setCustom(false);
                set({ code: e.target.value });
              }
            }}
            className={control}
          >
            {reason.code === "" && !custom && <option value="">Choose a code…</option>}
            <optgroup label="Stripe's feedback codes">
              {STRIPE_FEEDBACK_CODES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </optgroup>
            {taxonomy.length > 0 && (
              <optgroup label="Known to the taxonomy">
                {taxonomy.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </optgroup>
            )}
            <option value={CUSTOM}>A code of your own…</option>
          </select>
          {custom ? (
            <TextField
              path={field("code")}
              label="Your own code"
              value={reason.code}
              onChange={(code) => set({ code })}
              error={codeError}
              hint="Lowercase letters, digits and _; the taxonomy files it under Uncategorized until a rule or an admin files it."
              disabled={disabled}
              className="mt-2"
            />
          ) : (
            <FieldError path={field("code")} error={codeError} />
          )}
        </div>
        <div className="sm:col-span-2">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={reason.ask}
              disabled={disabled}
              onChange={(e) => set({ ask: e.target.checked })}
            />
            Ask a follow-up question
          </label>
          {reason.ask && (
            <div className="mt-2 grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
              <TextField
                path={field("followUp.question")}
                label="Question"
                value={reason.question}
                onChange={(question) => set({ question })}
                error={errors[field("followUp.question")]}
                disabled={disabled}
              />
              <label className="flex items-center gap-2 pb-2 text-sm">
                <input
                  type="checkbox"
                  checked={reason.required}
                  disabled={disabled}
                  onChange={(e) => set({ required: e.target.checked })}
                />
                An answer is required
              </label>
            </div>
          )}
        </div>
        <div className="sm:col-span-2">
          <OfferFields
            path={field("offer")}
            offer={reason.offer}
            onChange={(offer) => set({ offer })}
            errors={errors}
            currency={currency}
            disabled={disabled}
          />
        </div>
      </div>
    </li>
  );
}

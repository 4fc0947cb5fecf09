// One offer's fields: its kind, then what that kind needs (pause months, a plan and its price, a
// discount, a link to talk to someone), with the optional Stripe ids Holdfast applies it with.
import type { CancelOfferKind } from "@/lib/types/cancel-flow";
import { SAVE_OFFERS } from "@/lib/values";
import type { FieldErrors, OfferDraft } from "./draft";
import { FieldError, TextField, control, described } from "./fields";

const KIND_LABEL: Record<CancelOfferKind, string> = {
  none: "No offer",
  pause: "Pause (1 to 3 months)",
  downgrade: "Downgrade to a plan",
  discount: "Discount",
  talk_to_us: "Talk to us (a link)",
};

export function OfferFields({
  path,
  offer,
  onChange,
  errors,
  currency,
  disabled,
}: {
  /** The schema path of the offer ("content.reasons.0.offer"). */
  path: string;
  offer: OfferDraft;
  onChange: (offer: OfferDraft) => void;
  errors: FieldErrors;
  currency: string;
  disabled: boolean;
}) {
  const set = (patch: Partial<OfferDraft>) => onChange({ ...offer, ...patch });
  const field = (name: string) => `${path}.${name}`;
  const kindError = errors[path] ?? errors[field("kind")];
  const kindAria = described(field("kind"), kindError);
  return (
    <div className="grid gap-3 sm:grid-cols-2 [&>*]:min-w-0">
      <div className="text-sm sm:col-span-2">
        <label htmlFor={kindAria.id} className="font-medium">
          Offer
        </label>
        <select
          {...kindAria}
          value={offer.kind}
          disabled={disabled}
          onChange={(e) => set({ kind: SAVE_OFFERS.find((k) => k === e.target.value) ?? "none" })}
          className={control}
        >
          {SAVE_OFFERS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <FieldError path={field("kind")} error={kindError} />
      </div>
      {offer.kind === "pause" && (
        <div className="text-sm">
          <label htmlFor={described(field("maxMonths"), undefined).id} className="font-medium">
            Longest pause the customer may pick
          </label>
          <select
            {...described(field("maxMonths"), errors[field("maxMonths")])}
            value={offer.maxMonths}
            disabled={disabled}
            onChange={(e) => set({ maxMonths: e.target.value })}
            className={control}
          >
            {["1", "2", "3"].map((m) => (
              <option key={m} value={m}>
                {m === "1" ? "1 month" : `${m} months`}
              </option>
            ))}
          </select>
          <FieldError path={field("maxMonths")} error={errors[field("maxMonths")]} />
        </div>
      )}
      {offer.kind === "downgrade" && (
        <>
          <TextField
            path={field("plan")}
            label="Plan"
            value={offer.plan}
            onChange={(plan) => set({ plan })}
            error={errors[field("plan")]}
            disabled={disabled}
          />
          <TextField
            path={field("priceCents")}
            label={`Price a month (${currency})`}
            value={offer.price}
            onChange={(price) => set({ price })}
            error={errors[field("priceCents")]}
            inputMode="decimal"
            placeholder="19.00"
            disabled={disabled}
          />
          <TextField
            path={field("stripePriceId")}
            label="Stripe price id (optional)"
            value={offer.stripePriceId}
            onChange={(stripePriceId) => set({ stripePriceId })}
            error={errors[field("stripePriceId")]}
            placeholder="price_…"
            disabled={disabled}
            className="sm:col-span-2"
          />
        </>
      )}
      {offer.kind === "discount" && (
        <>
          <TextField
            path={field("percent")}
            label="Percent off"
            value={offer.percent}
            onChange={(percent) => set({ percent })}
            error={errors[field("percent")]}
            inputMode="numeric"
            disabled={disabled}
          />
          <TextField
            path={field("months")}
            label="For how many months"
            value={offer.months}
            onChange={(months) => set({ months })}
            error={errors[field("months")]}
            inputMode="numeric"
            disabled={disabled}
          />
          <TextField
            path={field("stripeCouponId")}
            label="Stripe coupon id (optional)"
            value={offer.stripeCouponId}
            onChange={(stripeCouponId) => set({ stripeCouponId })}
            error={errors[field("stripeCouponId")]}
            disabled={disabled}
            className="sm:col-span-2"
          />
        </>
      )}
      {offer.kind === "talk_to_us" && (
        <>
          <TextField
            path={field("url")}
            label="Link (https)"
            type="url"
            value={offer.url}
            onChange={(url) => set({ url })}
            error={errors[field("url")]}
            disabled={disabled}
          />
          <TextField
            path={field("label")}
            label="Button text"
            value={offer.label}
            onChange={(label) => set({ label })}
            error={errors[field("label")]}
            disabled={disabled}
          />
        </>
      )}
    </div>
  );
}

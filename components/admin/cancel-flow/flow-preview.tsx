"use client";
// The live preview beside the editor: the customer's page as renderCancelPage draws it (the same
// HTML), in a sandboxed frame that runs no script and posts no form, at phone or desktop width, one
// step at a time with sample facts.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { renderCancelPage } from "@/lib/cancel/render";
import type { CancelFlowContent, CancelLossFacts, CancelPageModel } from "@/lib/types/cancel-flow";
import { SOMETHING_ELSE_REASON } from "@/lib/values";

/** A made-up account's facts for the loss step: never a real account's. */
const SAMPLE_FACTS: CancelLossFacts = {
  activeUsers28d: 14,
  seats: 20,
  keyFeatures: ["Dashboards", "Reports", "Alerts"],
  monthsAsCustomer: 18,
};

const STEPS = [
  { value: "loss", label: "What you would lose" },
  { value: "reason", label: "Why (the reasons)" },
  { value: "follow_up", label: "Follow-up question" },
  { value: "offer", label: "Offer" },
  { value: "confirm", label: "Confirm" },
  { value: "goodbye", label: "Goodbye (cancelled)" },
  { value: "saved", label: "Saved (offer taken)" },
] as const;
type PreviewStep = (typeof STEPS)[number]["value"];

const WIDTHS = { phone: 375, desktop: 1024 } as const;
const HEIGHT = 720;
const control = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink";

export function previewModel(
  content: CancelFlowContent,
  step: PreviewStep,
  reasonCode: string,
  locale: string,
): CancelPageModel {
  const reason = content.reasons.find((r) => r.code === reasonCode);
  const ended = step === "goodbye" || step === "saved";
  return {
    sessionId: "cs_preview",
    step: step === "saved" ? "goodbye" : step,
    status: step === "saved" ? "saved" : step === "goodbye" ? "canceled" : "open",
    locale,
    content,
    loss: content.showLoss || step === "loss" ? SAMPLE_FACTS : null,
    reasonCode: step === "reason" ? null : reasonCode,
    freeText: null,
    offer: step === "offer" ? (reason ? reason.offer : content.somethingElseOffer) : null,
    returnTo: ended ? `https://app.example.com/billing?outcome=${step === "saved" ? "saved" : "canceled"}` : null,
    preview: false,
  };
}

export function FlowPreview({
  content,
  locale,
  currency,
}: {
  content: CancelFlowContent;
  locale: string;
  currency: string;
}) {
  const id = useId();
  const [step, setStep] = useState<PreviewStep>("reason");
  const [width, setWidth] = useState<keyof typeof WIDTHS>("phone");
  const [picked, setPicked] = useState(content.reasons[0]?.code ?? SOMETHING_ELSE_REASON);
  const reasonCode =
    picked === SOMETHING_ELSE_REASON || content.reasons.some((r) => r.code === picked)
      ? picked
      : (content.reasons[0]?.code ?? SOMETHING_ELSE_REASON);
  const html = useMemo(
    () =>
      withoutScripts(
        renderCancelPage(previewModel(content, step, reasonCode, locale), {
          nonce: "preview",
          formAction: "#",
          currency,
        }),
      ),
    [content, step, reasonCode, locale, currency],
  );
  const frame = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<number>(WIDTHS.phone);
  useEffect(() => {
    const box = frame.current;
    if (!box) return;
    const measure = () => setRoom(box.clientWidth);
    measure();
    const seen = new ResizeObserver(measure);
    seen.observe(box);
    return () => seen.disconnect();
  }, []);
  const px = WIDTHS[width];
  // The desktop page is drawn at its own width and scaled to fit the column.
  const scale = Math.min(1, room / px);
  const needsReason = step === "follow_up" || step === "offer";

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-line bg-surface p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="font-semibold">
          Live preview
        </h2>
        <div
          role="group"
          aria-label="Preview width"
          className="inline-flex flex-wrap rounded-md border border-line text-sm"
        >
          {(["phone", "desktop"] as const).map((w) => (
            <button
              key={w}
              type="button"
              aria-pressed={width === w}
              onClick={() => setWidth(w)}
              className={`px-3 py-1 first:rounded-l-md last:rounded-r-md ${width === w ? "bg-accent text-accent-ink" : "text-ink hover:bg-canvas"}`}
            >
              {w === "phone" ? "Phone 375 px" : "Desktop 1024 px"}
            </button>
          ))}
        </div>
      </div>
      <div className="mb-3 grid gap-3 sm:grid-cols-2">
        <label className="text-sm">
          <span className="font-medium">Step</span>
          <select value={step} onChange={(e) => setStep(stepOf(e.target.value))} className={control}>
            {STEPS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="font-medium">For the reason</span>
          <select
            value={reasonCode}
            onChange={(e) => setPicked(e.target.value)}
            disabled={!needsReason}
            className={`${control} disabled:opacity-60`}
          >
            {content.reasons.map((r, i) => (
              <option key={`${r.code}-${i}`} value={r.code}>
                {r.label || `Reason ${i + 1}`}
              </option>
            ))}
            <option value={SOMETHING_ELSE_REASON}>{content.texts.somethingElseLabel || "Something else"}</option>
          </select>
        </label>
      </div>
      {step === "loss" && !content.showLoss && (
        <p className="mb-2 text-xs text-muted">This flow skips this step: “What you would lose” is not shown.</p>
      )}
      <p className="mb-2 text-xs text-muted">
        Sample facts, not an account’s. The frame runs no script and sends no form.
      </p>
      <div ref={frame} className="overflow-hidden rounded-lg border border-line bg-canvas">
        <div
          style={{ width: px * scale, height: HEIGHT * scale }}
          className={width === "phone" ? "mx-auto" : undefined}
        >
          {/* Sandboxed: no form is sent, nothing navigates this page, no storage of ours is reached.
              allow-scripts is there only so that tools reading the page (axe, the browser tests) can
              read the frame; the document has no script, and its own policy forbids any. */}
          <iframe
            title={`Preview of the cancel page at ${width === "phone" ? "phone" : "desktop"} width`}
            sandbox="allow-scripts"
            srcDoc={html}
            data-testid="cancel-flow-preview"
            style={{ width: px, height: HEIGHT, transform: `scale(${scale})`, transformOrigin: "top left" }}
            className="block border-0 bg-white"
          />
        </div>
      </div>
    </section>
  );
}

/** The page as the customer gets it, with a policy that runs no script at all in the frame. */
export function withoutScripts(page: string): string {
  return page.replace(
    "<head>",
    `<head><meta http-equiv="Content-Security-Policy" content="script-src 'none'; form-action 'none'" />`,
  );
}

function stepOf(value: string): PreviewStep {
  return STEPS.find((s) => s.value === value)?.value ?? "reason";
}

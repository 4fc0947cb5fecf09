// "How is this counted?": the formula beside a figure, opened by click or keyboard (native popover).
import { useId } from "react";
import type { MetricDoc } from "@/lib/docs-links";

/** `doc` is the figure's anchor in docs/metrics.md: the popover links to its full definition there. */
export function Explain({ label, doc, children }: { label: string; doc?: MetricDoc; children: React.ReactNode }) {
  const id = useId();
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        aria-label={`How ${label} is counted`}
        className="ml-1 inline-flex h-5 w-5 items-center justify-center rounded-full border border-line text-xs text-muted hover:bg-canvas"
      >
        ?
      </button>
      <div
        id={id}
        popover="auto"
        className="m-auto max-w-md rounded-lg border border-line bg-surface p-4 text-sm shadow-lg"
      >
        <p className="mb-2 font-semibold">{label}</p>
        {children}
        {doc && (
          <p className="mt-3 border-t border-line pt-2">
            <a href={`/docs/metrics#${doc}`} className="text-accent underline underline-offset-2">
              Read the full definition
            </a>
          </p>
        )}
      </div>
    </>
  );
}

// "How is this counted?": the formula beside a figure, opened by click or keyboard (native popover).
import { useId } from "react";

export function Explain({ label, children }: { label: string; children: React.ReactNode }) {
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
      </div>
    </>
  );
}

"use client";
// Every version of a flow, newest first: who saved it, when, and what it changed. An old version
// opens read-only, and Restore saves it again as the newest version.
import { useQueryStates } from "nuqs";
import { useFormat } from "@/components/providers/format-provider";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { restoreCancelFlowAction } from "@/lib/actions/cancel-flows/restore-cancel-flow";
import { smallButton } from "./fields";
import { cancelFlowParams } from "./params";

export interface HistoryVersion {
  version: number;
  createdByName: string | null;
  createdAt: string;
  changes: string[];
}

export function FlowHistory({
  flowId,
  versions,
  viewing,
}: {
  flowId: string;
  versions: HistoryVersion[];
  /** The version open in the editor. */
  viewing: number;
}) {
  const fmt = useFormat();
  const [, setParams] = useQueryStates(cancelFlowParams, { shallow: false, history: "push" });
  const { run, busy, message, clear, reload } = useAction();
  const newest = versions[0]?.version ?? 1;

  async function restore(version: number) {
    const result = await run(
      () => restoreCancelFlowAction({ flowId, version, baseVersion: newest }),
      (d) =>
        d.saved ? `Version ${version} restored as version ${d.version}.` : `Version ${version} is the newest already.`,
    );
    if (result.ok) void setParams({ version: null });
  }

  return (
    <section aria-labelledby="cf-history-title" className="rounded-xl border border-line bg-surface p-5">
      <h2 id="cf-history-title" className="font-semibold">
        Version history
      </h2>
      <p className="mb-4 mt-0.5 text-sm text-muted">
        Every save is a new version; a session keeps the version it started on.
      </p>
      <ActionNotice message={message} onReload={reload} onDismiss={clear} />
      <ol className="divide-y divide-line" aria-label="Versions, newest first">
        {versions.map((v) => {
          const current = v.version === newest;
          const open = v.version === viewing;
          return (
            <li key={v.version} className="py-3" data-testid="cf-version">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="text-sm">
                  <span className="font-semibold">Version {v.version}</span>
                  {current && (
                    <span className="ml-2 rounded-full bg-accent-soft px-2 py-0.5 text-xs text-accent">Current</span>
                  )}
                  {open && !current && (
                    <span className="ml-2 rounded-full bg-warn-soft px-2 py-0.5 text-xs text-warn">Open</span>
                  )}
                  <span className="ml-2 text-muted">
                    {v.createdByName ?? "Holdfast"} · {fmt.dateTime(v.createdAt)}
                  </span>
                </p>
                <span className="flex flex-wrap gap-1">
                  {!open && (
                    <button
                      type="button"
                      className={smallButton}
                      onClick={() => void setParams({ version: current ? null : v.version })}
                      aria-label={current ? "Open the current version" : `Open version ${v.version} read-only`}
                    >
                      {current ? "Open current" : "Open"}
                    </button>
                  )}
                  {!current && (
                    <button
                      type="button"
                      className={smallButton}
                      disabled={busy}
                      onClick={() => void restore(v.version)}
                      aria-label={`Restore version ${v.version}`}
                    >
                      Restore
                    </button>
                  )}
                </span>
              </div>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-ink">
                {v.changes.length === 0 ? <li className="text-muted">No changes recorded.</li> : null}
                {v.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

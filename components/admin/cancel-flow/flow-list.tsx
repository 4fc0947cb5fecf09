"use client";
// The cancel flows in the order a session tries them: targeted flows first (the first that matches
// wins), the default last. Targeted flows move up and down and can be archived; the default cannot.
import { IntentLink } from "@/components/ui/intent-link";
import { useState } from "react";
import { useFormat } from "@/components/providers/format-provider";
import { Modal } from "@/components/ui/modal";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { archiveCancelFlowAction } from "@/lib/actions/cancel-flows/archive-cancel-flow";
import { moveCancelFlowAction } from "@/lib/actions/cancel-flows/move-cancel-flow";
import { formatSegment } from "@/lib/format";
import type { CancelFlowTargeting } from "@/lib/types/cancel-flow";
import { smallButton } from "./fields";
import { editorHref } from "./params";

export interface ListedFlow {
  id: string;
  isDefault: boolean;
  name: string;
  targeting: CancelFlowTargeting;
  version: number;
  versions: number;
  createdByName: string | null;
  createdAt: string;
}

function targetingWords(t: CancelFlowTargeting): string[] {
  const parts = [
    t.segments.length > 0 ? `Segments: ${t.segments.map(formatSegment).join(", ")}` : null,
    t.plans.length > 0 ? `Plans: ${t.plans.join(", ")}` : null,
    t.locales.length > 0 ? `Locales: ${t.locales.join(", ")}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts : ["Everyone"];
}

export function FlowList({ flows }: { flows: ListedFlow[] }) {
  const fmt = useFormat();
  const { run, busy, message, clear, reload } = useAction();
  const [archiving, setArchiving] = useState<ListedFlow | null>(null);
  const targeted = flows.filter((f) => !f.isDefault);

  return (
    <div>
      <ActionNotice message={message} onReload={reload} onDismiss={clear} />
      <div className="overflow-x-auto rounded-xl border border-line bg-surface">
        <table className="w-full min-w-[720px] text-left text-sm">
          <caption className="sr-only">Cancel flows in the order sessions try them</caption>
          <thead className="border-b border-line text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Order
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Flow
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                For
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Version
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Saved
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {flows.map((f) => {
              const i = targeted.findIndex((t) => t.id === f.id);
              const everyone = !f.isDefault && targetingWords(f.targeting)[0] === "Everyone";
              return (
                <tr key={f.id} data-testid="cf-row">
                  <td className="px-4 py-3 tabular-nums text-muted">{f.isDefault ? "Last" : i + 1}</td>
                  <td className="px-4 py-3">
                    <IntentLink href={editorHref(f.id)} className="font-medium text-accent hover:underline">
                      {f.name}
                    </IntentLink>
                    {f.isDefault && (
                      <span className="ml-2 rounded-full bg-accent-soft px-2 py-0.5 text-xs text-accent">Default</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    {f.isDefault ? (
                      <span className="text-muted">Everyone no other flow matches</span>
                    ) : (
                      <ul>
                        {targetingWords(f.targeting).map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    )}
                    {everyone && (
                      <p className="mt-1 text-xs text-warn">Takes every session: the flows after it are never used.</p>
                    )}
                  </td>
                  <td className="px-4 py-3 tabular-nums">
                    {f.version}
                    <span className="text-muted"> of {f.versions}</span>
                  </td>
                  <td className="px-4 py-3">
                    <span>{f.createdByName ?? "Holdfast"}</span>
                    <span className="block text-xs text-muted">{fmt.dateTime(f.createdAt)}</span>
                  </td>
                  <td className="px-4 py-3">
                    <span className="flex justify-end gap-1">
                      <IntentLink href={editorHref(f.id)} className={smallButton}>
                        Edit<span className="sr-only"> {f.name}</span>
                      </IntentLink>
                      {!f.isDefault && (
                        <>
                          <button
                            type="button"
                            className={smallButton}
                            disabled={busy || i === 0}
                            aria-label={`Move ${f.name} up`}
                            onClick={() =>
                              void run(
                                () => moveCancelFlowAction({ flowId: f.id, direction: "up" }),
                                `Moved ${f.name} up.`,
                              )
                            }
                          >
                            ↑
                          </button>
                          <button
                            type="button"
                            className={smallButton}
                            disabled={busy || i === targeted.length - 1}
                            aria-label={`Move ${f.name} down`}
                            onClick={() =>
                              void run(
                                () => moveCancelFlowAction({ flowId: f.id, direction: "down" }),
                                `Moved ${f.name} down.`,
                              )
                            }
                          >
                            ↓
                          </button>
                          <button
                            type="button"
                            className={`${smallButton} text-bad`}
                            disabled={busy}
                            onClick={() => setArchiving(f)}
                          >
                            Archive<span className="sr-only"> {f.name}</span>
                          </button>
                        </>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Modal open={archiving !== null} onClose={() => setArchiving(null)} labelledBy="cf-archive-title">
        {archiving && (
          <div className="p-5">
            <h2 id="cf-archive-title" className="font-semibold">
              Archive “{archiving.name}”?
            </h2>
            <p className="mt-2 text-sm text-muted">
              New sessions stop starting on it; sessions already under way keep their version, and its answers stay in
              the reports.
            </p>
            <div className="mt-4 flex justify-end gap-2">
              <button type="button" className={`${smallButton} px-3 py-1.5 text-sm`} onClick={() => setArchiving(null)}>
                Keep it
              </button>
              <button
                type="button"
                className="rounded-md bg-bad px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
                disabled={busy}
                onClick={() => {
                  const flow = archiving;
                  setArchiving(null);
                  void run(() => archiveCancelFlowAction({ flowId: flow.id }), `Archived ${flow.name}.`);
                }}
              >
                Archive
              </button>
            </div>
          </div>
        )}
      </Modal>
    </div>
  );
}

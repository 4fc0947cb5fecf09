"use client";
// One answer's filing history in a dialog: where it was filed on arrival and every move since.
import type { AnswerFiling, WorkbenchAnswer } from "@/lib/types/workbench";
import { Modal } from "@/components/ui/modal";
import { useFormat } from "@/components/providers/format-provider";

export interface AnswerHistory {
  answer: WorkbenchAnswer;
  rows: AnswerFiling[];
}

export function WorkbenchHistory({ history, onClose }: { history: AnswerHistory | null; onClose: () => void }) {
  const fmt = useFormat();
  return (
    <Modal open={history !== null} onClose={onClose} labelledBy="history-title">
      {history && (
        <div className="space-y-3 p-5">
          <h2 id="history-title" className="text-lg font-semibold">
            Filing history
          </h2>
          <p className="text-sm text-muted">
            “{history.answer.freeText ?? history.answer.reasonCode}” — {history.answer.accountName}
          </p>
          {history.rows.length === 0 ? (
            <p className="text-sm">Never moved: filed on arrival by its reason code ({history.answer.reasonCode}).</p>
          ) : (
            <ol className="space-y-2 text-sm" data-testid="filing-history">
              <li className="text-muted">
                Filed on arrival under {history.rows[0]?.from} (reason code {history.answer.reasonCode}).
              </li>
              {history.rows.map((h, i) => (
                <li key={i}>
                  {h.from} → <strong>{h.to}</strong>
                  <span className="block text-xs text-muted">
                    {fmt.date(new Date(h.at))} · {h.by} ·{" "}
                    {h.cause === "file" ? "filed by hand" : h.cause === "rule" ? "by a rule" : h.cause} · taxonomy v
                    {h.version}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <div className="flex justify-end">
            <button type="button" onClick={onClose} className="rounded-md border border-line px-3 py-1.5 text-sm">
              Close
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}

"use client";
// The rules page: each rule in words with its open firings, switched on or off, edited or deleted;
// "New rule" opens the form; choosing a rule lists its firings under it.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useFormat } from "@/components/providers/format-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { IntentLink } from "@/components/ui/intent-link";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { deleteAlertRuleAction, setAlertRuleEnabledAction } from "@/lib/actions/alerts/manage-alert-rule";
import { accountPath } from "@/lib/account-path";
import { actionWords, filterWords, triggerWords } from "@/lib/metrics/alerts";
import type { AlertFiringRow, AlertRuleInput, AlertRuleRow } from "@/lib/types/alerts";
import { EMPTY_RULE, RuleForm, type RuleUser } from "./rule-form";

type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export function AlertRules({
  rules,
  users,
  plans,
  selected,
  firings,
  currency,
}: {
  currency: string;
  rules: Wire<AlertRuleRow>[];
  users: RuleUser[];
  plans: string[];
  selected: string | null;
  firings: Wire<AlertFiringRow>[];
}) {
  const format = useFormat();
  const router = useRouter();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const { run, busy, message, reload, clear, say } = useAction();
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? "a former user";
  const money = (cents: number) => format.money(cents, currency);
  const shown = rules.find((r) => r.id === selected);
  // Choosing a rule's firings brings them into view, with the focus, however long the list above.
  const firingsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!selected) return;
    firingsRef.current?.scrollIntoView({ block: "start" });
    firingsRef.current?.focus({ preventScroll: true });
  }, [selected]);
  const formFor = (id: string | null, initial: AlertRuleInput) => (
    <RuleForm
      id={id}
      initial={initial}
      users={users}
      plans={plans}
      currency={currency}
      onDone={(done) => {
        setEditing(null);
        if (!done) return;
        say({ tone: "ok", text: done });
        router.refresh();
        // A saved rule's first round runs as a job at once: its firings are there a moment later.
        window.setTimeout(() => router.refresh(), 3000);
      }}
    />
  );

  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={() => setEditing("new")}
          disabled={editing !== null}
          className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink disabled:opacity-50"
        >
          New rule
        </button>
        <ActionNotice message={message} onReload={reload} onDismiss={clear} />
      </div>
      {editing === "new" && formFor(null, EMPTY_RULE)}
      {rules.length === 0 && editing === null ? (
        <EmptyState title="No alert rules yet">
          A rule tells the team when an account needs them: health falling, a trial ending, a payment failing, a
          customer on the cancel page. Start with New rule.
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Alert rules">
          {rules.map((r) =>
            editing === r.id ? (
              <li key={r.id}>{formFor(r.id, r)}</li>
            ) : (
              <li
                key={r.id}
                className={`rounded-xl border bg-surface p-4 ${r.id === selected ? "border-accent" : "border-line"}`}
                data-testid="alert-rule"
              >
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-64 flex-1">
                    <h2 className="font-semibold">
                      {r.name} {!r.enabled && <span className="text-sm font-normal text-muted">(off)</span>}
                    </h2>
                    <p className="text-sm">
                      {triggerWords(r.trigger)}
                      {filterWords(r.filters, money) && ` (${filterWords(r.filters, money)})`}:{" "}
                      {actionWords(r.actions, nameOf).join("; ") || "nothing yet"}.
                    </p>
                    <p className="mt-1 text-sm text-muted">
                      {r.openFirings} open {r.openFirings === 1 ? "firing" : "firings"}
                      {r.lastFiredAt && ` · last fired ${format.dateTime(r.lastFiredAt)}`} ·{" "}
                      <IntentLink href={`/alerts?rule=${encodeURIComponent(r.id)}`} className="text-accent underline">
                        Firings
                      </IntentLink>
                    </p>
                  </div>
                  <div className="flex shrink-0 gap-2 text-sm">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        void run(
                          () => setAlertRuleEnabledAction({ id: r.id, enabled: !r.enabled }),
                          r.enabled ? `“${r.name}” is off.` : `“${r.name}” is on.`,
                        )
                      }
                      className="rounded-md border border-line px-3 py-1.5 hover:bg-canvas disabled:opacity-50"
                    >
                      {r.enabled ? "Turn off" : "Turn on"}
                    </button>
                    <button
                      type="button"
                      disabled={editing !== null}
                      onClick={() => setEditing(r.id)}
                      className="rounded-md border border-line px-3 py-1.5 hover:bg-canvas disabled:opacity-50"
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm(`Delete “${r.name}” and its firings?`))
                          void run(() => deleteAlertRuleAction({ id: r.id }), `“${r.name}” deleted.`);
                      }}
                      className="rounded-md border border-line px-3 py-1.5 text-bad hover:bg-canvas disabled:opacity-50"
                    >
                      Delete
                    </button>
                  </div>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {shown && (
        <section
          ref={firingsRef}
          tabIndex={-1}
          aria-label={`Firings of ${shown.name}`}
          className="overflow-x-auto rounded-xl border border-line bg-surface p-5 outline-none focus-visible:ring-2 focus-visible:ring-accent"
        >
          <div className="mb-3 flex items-center justify-between gap-3">
            <h2 className="font-semibold">Firings of “{shown.name}”</h2>
            <IntentLink href="/alerts" scroll={false} className="text-sm text-accent underline">
              Close
            </IntentLink>
          </div>
          {firings.length === 0 ? (
            <p className="text-sm text-muted">It has not fired yet.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th className="py-1 pr-3 font-medium">Account</th>
                  <th className="py-1 pr-3 font-medium">What held</th>
                  <th className="py-1 pr-3 font-medium">Assigned to</th>
                  <th className="py-1 pr-3 font-medium">Fired</th>
                  <th className="py-1 font-medium">Cleared</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {firings.map((f) => (
                  <tr key={f.id}>
                    <td className="py-1.5 pr-3">
                      <IntentLink href={accountPath(f.accountExternalId)} className="text-accent underline">
                        {f.accountName}
                      </IntentLink>
                    </td>
                    <td className="py-1.5 pr-3">{f.detail}</td>
                    <td className="py-1.5 pr-3">{f.assigneeName ?? "—"}</td>
                    <td className="py-1.5 pr-3">{format.dateTime(f.firedAt)}</td>
                    <td className="py-1.5">{f.clearedAt ? format.dateTime(f.clearedAt) : "still holds"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}

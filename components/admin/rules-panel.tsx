"use client";
// Categorizing rules: a keyword or regular expression (and optional reason code) suggesting a
// category. Before a rule is saved its preview says how many uncategorized answers it catches.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyRuleAction } from "@/lib/actions/categorize/apply-rule";
import { archiveRuleAction } from "@/lib/actions/categorize/archive-rule";
import { createRuleAction } from "@/lib/actions/categorize/create-rule";
import { previewRuleAction } from "@/lib/actions/categorize/preview-rule";
import type { RulePreview, RuleRow } from "@/lib/types/workbench";
import { useFormat } from "@/components/providers/format-provider";

const field = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export function RulesPanel({ rules, categories }: { rules: RuleRow[]; categories: { id: string; name: string }[] }) {
  const fmt = useFormat();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [pattern, setPattern] = useState("");
  const [matchKind, setMatchKind] = useState<"keyword" | "regex">("keyword");
  const [reasonCode, setReasonCode] = useState("");
  const [categoryId, setCategoryId] = useState(categories[0]?.id ?? "");
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const match = { pattern, matchKind, reasonCode: reasonCode.trim() || null };

  const reset = () => setPreview(null);
  function go<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, then: (data: T) => void) {
    start(async () => {
      const result = await call();
      if (!result.ok) setNote({ ok: false, text: result.error });
      else then(result.data);
    });
  }

  return (
    <section className="h-fit rounded-xl border border-line bg-surface p-4" aria-label="Rules">
      <h2 className="font-semibold">Rules</h2>
      <p className="text-xs text-muted">
        A rule suggests a category beside each uncategorized answer it matches; y accepts.
      </p>
      <form
        className="mt-3 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          go(
            () => previewRuleAction(match),
            (p) => {
              setNote(null);
              setPreview(p);
            },
          );
        }}
      >
        <label className="block text-sm">
          Keyword or pattern
          <input
            required
            value={pattern}
            onChange={(e) => {
              setPattern(e.target.value);
              reset();
            }}
            className={field}
            placeholder="e.g. hubspot"
          />
        </label>
        <div className="grid grid-cols-2 gap-2">
          <label className="block text-sm">
            Match as
            <select
              value={matchKind}
              onChange={(e) => {
                setMatchKind(e.target.value === "regex" ? "regex" : "keyword");
                reset();
              }}
              className={field}
            >
              <option value="keyword">Keyword</option>
              <option value="regex">Regular expression</option>
            </select>
          </label>
          <label className="block text-sm">
            Reason code
            <input
              value={reasonCode}
              onChange={(e) => {
                setReasonCode(e.target.value);
                reset();
              }}
              className={field}
              placeholder="any"
            />
          </label>
        </div>
        <label className="block text-sm">
          Suggests
          <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)} className={field}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded-md border border-line px-3 py-1.5 text-sm">
          Preview
        </button>
      </form>
      {preview && (
        <div className="mt-3 rounded-lg bg-canvas p-3 text-sm" data-testid="rule-preview">
          <p>
            Would catch <strong>{fmt.number(preview.count)}</strong> uncategorized{" "}
            {preview.count === 1 ? "answer" : "answers"}.
          </p>
          {preview.sample.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-xs text-muted">
              {preview.sample.map((s) => (
                <li key={s.ref}>{s.freeText ?? `(no comment, ${s.reasonCode})`}</li>
              ))}
            </ul>
          )}
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              go(
                () => createRuleAction({ match, categoryId }),
                () => {
                  setNote({ ok: true, text: "Rule saved: its suggestions are beside the answers it matches." });
                  setPreview(null);
                  setPattern("");
                  router.refresh();
                },
              )
            }
            className="mt-3 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink"
          >
            Save rule
          </button>
        </div>
      )}
      {note && (
        <p role={note.ok ? "status" : "alert"} className={`mt-2 text-sm ${note.ok ? "text-good" : "text-bad"}`}>
          {note.text}
        </p>
      )}
      <ul className="mt-4 divide-y divide-line text-sm">
        {rules.map((r) => (
          <li key={r.id} className="py-2">
            <span className="font-mono text-xs">{r.matchKind === "regex" ? `/${r.pattern}/i` : `“${r.pattern}”`}</span>
            {r.reasonCode ? <span className="text-xs text-muted"> with {r.reasonCode}</span> : null} → {r.categoryName}
            <span className="mt-1 flex gap-2 text-xs">
              <button
                type="button"
                disabled={pending}
                className="text-accent"
                onClick={() =>
                  go(
                    () => applyRuleAction({ id: r.id }),
                    (d) => {
                      setNote({
                        ok: true,
                        text: `${d.filed} ${d.filed === 1 ? "answer" : "answers"} filed under ${r.categoryName}.`,
                      });
                      router.refresh();
                    },
                  )
                }
              >
                File all it matches
              </button>
              <button
                type="button"
                disabled={pending}
                className="text-muted hover:text-bad"
                onClick={() =>
                  go(
                    () => archiveRuleAction({ id: r.id }),
                    () => router.refresh(),
                  )
                }
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

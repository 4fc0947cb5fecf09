"use client";
// Admin: the reason categories — create, edit or rename, merge, split and archive — each change a
// new taxonomy version, with the versions listed beside.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Modal } from "@/components/ui/modal";
import type { ActionResult } from "@/lib/actions/safe-action";
import { archiveCategoryAction } from "@/lib/actions/taxonomy/archive-category";
import { createCategoryAction } from "@/lib/actions/taxonomy/create-category";
import { mergeCategoriesAction } from "@/lib/actions/taxonomy/merge-categories";
import { splitCategoryAction } from "@/lib/actions/taxonomy/split-category";
import { updateCategoryAction } from "@/lib/actions/taxonomy/update-category";
import { useFormat } from "@/components/providers/format-provider";
import { CategoryFields, type CategoryValues } from "./category-form";
import { plural } from "@/lib/format";

export interface CategoryRow extends CategoryValues {
  id: string;
  isUncategorized: boolean;
  archived: boolean;
  answers: number;
  reasonCodes: string[];
}

type Dialog =
  | { kind: "create"; value: CategoryValues }
  | { kind: "edit"; id: string; value: CategoryValues; unfiled: boolean }
  | { kind: "merge"; source: CategoryRow; targetId: string }
  | {
      kind: "split";
      source: CategoryRow;
      value: CategoryValues;
      pattern: string;
      matchKind: "keyword" | "regex";
      reasonCode: string;
    }
  | { kind: "archive"; source: CategoryRow };

const field = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1.5 text-sm";
const button = "rounded-md border border-line px-2 py-1 text-xs hover:bg-canvas";
const blank: CategoryValues = { name: "", description: "", regrettable: true, color: "chart-12" };

export function TaxonomyPanel({
  categories,
  versions,
}: {
  categories: CategoryRow[];
  versions: { version: number; note: string; at: string; by: string | null }[];
}) {
  const fmt = useFormat();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const live = categories.filter((c) => !c.archived);

  function submit(call: () => Promise<ActionResult<unknown>>, success: (data: never) => string) {
    start(async () => {
      setError(null);
      const result = await call();
      if (!result.ok) return setError(result.error);
      setDone(success(result.data as never));
      setDialog(null);
      router.refresh();
    });
  }

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!dialog) return;
    if (dialog.kind === "create")
      submit(
        () => createCategoryAction(dialog.value),
        (d: { version: number }) => `Created “${dialog.value.name}” (taxonomy version ${d.version}).`,
      );
    if (dialog.kind === "edit")
      submit(
        () => updateCategoryAction({ id: dialog.id, category: dialog.value }),
        (d: { version: number }) => `Saved “${dialog.value.name}” (taxonomy version ${d.version}).`,
      );
    if (dialog.kind === "merge") {
      const target = live.find((c) => c.id === dialog.targetId);
      submit(
        () => mergeCategoriesAction({ sourceId: dialog.source.id, targetId: dialog.targetId }),
        (d: { version: number; moved: number }) =>
          `Merged “${dialog.source.name}” into “${target?.name}”: ${plural(d.moved, "answer")} re-filed (taxonomy version ${d.version}).`,
      );
    }
    if (dialog.kind === "split") {
      submit(
        () =>
          splitCategoryAction({
            sourceId: dialog.source.id,
            category: dialog.value,
            match: { pattern: dialog.pattern, matchKind: dialog.matchKind, reasonCode: dialog.reasonCode || null },
          }),
        (d: { version: number; moved: number }) =>
          `Split “${dialog.value.name}” out of “${dialog.source.name}”: ${plural(d.moved, "answer")} moved (taxonomy version ${d.version}).`,
      );
    }
    if (dialog.kind === "archive")
      submit(
        () => archiveCategoryAction({ id: dialog.source.id }),
        (d: { version: number }) => `Archived “${dialog.source.name}” (taxonomy version ${d.version}).`,
      );
  }

  const title = !dialog
    ? ""
    : dialog.kind === "create"
      ? "New category"
      : dialog.kind === "edit"
        ? "Edit category"
        : dialog.kind === "merge"
          ? `Merge “${dialog.source.name}”`
          : dialog.kind === "split"
            ? `Split “${dialog.source.name}”`
            : `Archive “${dialog.source.name}”`;

  return (
    <div className="grid gap-6 2xl:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <div className="flex items-center justify-between">
          {done ? (
            <p role="status" className="text-sm text-good">
              {done}
            </p>
          ) : (
            <span />
          )}
          <button
            type="button"
            onClick={() => {
              setError(null);
              setDialog({ kind: "create", value: blank });
            }}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink"
          >
            New category
          </button>
        </div>
        <div className="overflow-x-auto rounded-xl border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Reason categories</caption>
            <thead className="border-b border-line bg-canvas/60 text-xs uppercase tracking-wide text-muted">
              <tr>
                {["Category", "Regrettable", "Reason codes", "Answers", ""].map((h) => (
                  <th key={h} scope="col" className="px-4 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {categories.map((c) => (
                <tr
                  key={c.id}
                  data-testid="category-row"
                  data-category={c.name}
                  className={c.archived ? "text-muted" : ""}
                >
                  <td className="px-4 py-2">
                    <span className="flex items-start gap-2">
                      <span
                        className="mt-1 h-3 w-3 shrink-0 rounded-full"
                        style={{ background: `var(--color-${c.color})` }}
                        aria-hidden
                      />
                      <span>
                        <span className="font-medium">{c.name}</span>
                        {c.archived && <span className="ml-2 rounded bg-canvas px-1.5 text-xs">archived</span>}
                        {c.description && <span className="block text-xs text-muted">{c.description}</span>}
                      </span>
                    </span>
                  </td>
                  <td className="px-4 py-2">
                    {c.isUncategorized ? (
                      <span className="text-muted">Neither — not yet filed</span>
                    ) : c.regrettable ? (
                      "Yes"
                    ) : (
                      "No"
                    )}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{c.reasonCodes.join(", ") || "–"}</td>
                  <td className="px-4 py-2 tabular-nums">{fmt.number(c.answers)}</td>
                  <td className="px-4 py-2">
                    {!c.archived && (
                      <span className="flex flex-wrap justify-end gap-1">
                        <button
                          type="button"
                          className={button}
                          onClick={() => {
                            setError(null);
                            setDialog({
                              kind: "edit",
                              id: c.id,
                              unfiled: c.isUncategorized,
                              value: {
                                name: c.name,
                                description: c.description,
                                regrettable: c.regrettable,
                                color: c.color,
                              },
                            });
                          }}
                        >
                          Edit
                        </button>
                        {!c.isUncategorized && (
                          <>
                            <button
                              type="button"
                              className={button}
                              onClick={() => {
                                setError(null);
                                setDialog({
                                  kind: "merge",
                                  source: c,
                                  targetId: live.find((x) => x.id !== c.id && !x.isUncategorized)?.id ?? "",
                                });
                              }}
                            >
                              Merge…
                            </button>
                            <button
                              type="button"
                              className={button}
                              onClick={() => {
                                setError(null);
                                setDialog({ kind: "archive", source: c });
                              }}
                            >
                              Archive
                            </button>
                          </>
                        )}
                        <button
                          type="button"
                          className={button}
                          onClick={() => {
                            setError(null);
                            setDialog({
                              kind: "split",
                              source: c,
                              value: { ...blank, regrettable: c.regrettable },
                              pattern: "",
                              matchKind: "keyword",
                              reasonCode: "",
                            });
                          }}
                        >
                          Split…
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <aside className="rounded-xl border border-line bg-surface p-4" aria-label="Taxonomy versions">
        <h2 className="font-semibold">Versions</h2>
        <p className="text-xs text-muted">The reasons charts say which version they show.</p>
        <ol className="mt-3 space-y-2 text-sm" data-testid="taxonomy-versions">
          {versions.map((v) => (
            <li key={v.version}>
              <span className="font-medium">v{v.version}</span> {v.note}
              <span className="block text-xs text-muted">
                {fmt.dateTime(v.at)}
                {v.by ? ` · ${v.by}` : ""}
              </span>
            </li>
          ))}
        </ol>
      </aside>

      <Modal open={dialog !== null} onClose={() => setDialog(null)} labelledBy="taxonomy-dialog-title">
        {dialog && (
          <form onSubmit={onSubmit} className="space-y-4 p-5">
            <h2 id="taxonomy-dialog-title" className="text-lg font-semibold">
              {title}
            </h2>
            {(dialog.kind === "create" || dialog.kind === "edit") && (
              <CategoryFields
                value={dialog.value}
                unfiled={dialog.kind === "edit" && dialog.unfiled}
                onChange={(value) => setDialog({ ...dialog, value })}
              />
            )}
            {dialog.kind === "merge" && (
              <>
                <p className="text-sm text-muted">
                  Its {fmt.number(dialog.source.answers)} answers are re-filed into the category you pick (each keeps
                  its filing history), its reason codes and rules follow, and it is archived.
                </p>
                <label className="block text-sm">
                  Merge into
                  <select
                    value={dialog.targetId}
                    onChange={(e) => setDialog({ ...dialog, targetId: e.target.value })}
                    className={field}
                    autoFocus
                  >
                    {live
                      .filter((c) => c.id !== dialog.source.id)
                      .map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                  </select>
                </label>
              </>
            )}
            {dialog.kind === "split" && (
              <>
                <p className="text-sm text-muted">
                  Answers of “{dialog.source.name}” whose text matches move to the new category.
                </p>
                <div className="grid grid-cols-[1fr_auto] gap-2">
                  <label className="block text-sm">
                    Keyword or pattern
                    <input
                      required
                      value={dialog.pattern}
                      onChange={(e) => setDialog({ ...dialog, pattern: e.target.value })}
                      className={field}
                      placeholder="e.g. salesforce"
                    />
                  </label>
                  <label className="block text-sm">
                    Match as
                    <select
                      value={dialog.matchKind}
                      onChange={(e) =>
                        setDialog({ ...dialog, matchKind: e.target.value === "regex" ? "regex" : "keyword" })
                      }
                      className={field}
                    >
                      <option value="keyword">Keyword</option>
                      <option value="regex">Regular expression</option>
                    </select>
                  </label>
                </div>
                <label className="block text-sm">
                  Only with reason code <span className="text-muted">(optional)</span>
                  <input
                    value={dialog.reasonCode}
                    onChange={(e) => setDialog({ ...dialog, reasonCode: e.target.value })}
                    className={field}
                    placeholder="e.g. missing_features"
                  />
                </label>
                <h3 className="pt-2 text-sm font-semibold">The new category</h3>
                <CategoryFields value={dialog.value} onChange={(value) => setDialog({ ...dialog, value })} />
              </>
            )}
            {dialog.kind === "archive" && (
              <p className="text-sm text-muted">
                “{dialog.source.name}” stops taking answers: its reason codes (
                {dialog.source.reasonCodes.join(", ") || "none"}) will file new answers into Uncategorized, and its
                rules stop. Its {fmt.number(dialog.source.answers)} answers stay where they are, so past charts do not
                change.
              </p>
            )}
            {error && (
              <p role="alert" className="text-sm text-bad">
                {error}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <button
                type="button"
                onClick={() => setDialog(null)}
                className="rounded-md border border-line px-3 py-1.5 text-sm"
              >
                Cancel
              </button>
              <button
                type="submit"
                disabled={pending}
                className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
              >
                {pending
                  ? "Saving…"
                  : dialog.kind === "archive"
                    ? "Archive"
                    : dialog.kind === "merge"
                      ? "Merge"
                      : dialog.kind === "split"
                        ? "Split"
                        : "Save"}
              </button>
            </div>
          </form>
        )}
      </Modal>
    </div>
  );
}

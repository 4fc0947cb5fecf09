"use client";
// The answers behind the reasons report in the customers' own words: the page's period, segment and
// plan, one category or all, words to find, 25 to a page. The state lives in the URL.
import { useQuery } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";
import { useEffect, useRef, useState } from "react";
import { useMetricsFilters } from "@/components/metrics/use-filters";
import { useFormat } from "@/components/providers/format-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { ParamNotice } from "@/components/ui/param-notice";
import { TableSkeleton } from "@/components/ui/skeleton";
import { type ParamNotice as IgnoredParam, shownValue } from "@/lib/filters";
import { formatLabel } from "@/lib/format";
import { verbatimsQuery } from "@/lib/query/metrics";
import { reasonCodeNote } from "@/lib/reason-labels";
import type { Verbatim } from "@/lib/types/verbatims";
import { useVerbatimsParams } from "./verbatims-params";
import { accountPath } from "@/lib/account-path";

export const VERBATIMS_ID = "answers";
const control = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm";
const pagerButton = "rounded-md border border-line px-3 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-50";

/** The text with each searched word marked. */
function Marked({ text, words }: { text: string; words: string[] }) {
  if (words.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
  return (
    <>
      {text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded-sm bg-accent/20 text-ink">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Answer({ a, words }: { a: Verbatim; words: string[] }) {
  const fmt = useFormat();
  const note = reasonCodeNote(a.categoryName, a.reasonCode);
  return (
    <li className="py-3" data-testid="verbatim">
      <blockquote className="text-sm">
        {a.freeText ? <Marked text={a.freeText} words={words} /> : <span className="text-muted">No comment left.</span>}
      </blockquote>
      <p className="mt-1 text-xs text-muted">
        <IntentLink href={accountPath(a.accountExternalId)} className="font-medium text-accent hover:underline">
          {a.accountName}
        </IntentLink>
        {" · "}
        {fmt.date(a.submittedAt)} · <span className="text-ink">{a.categoryName}</span>
        {note && <> · picked “{note}”</>}
        {a.competitor && <> · went to {a.competitor}</>} · offer {formatLabel(a.offerShown)}
        {a.offerShown !== "none" && (a.offerAccepted ? " (accepted)" : " (declined)")} · {formatLabel(a.outcome)}
      </p>
    </li>
  );
}

export function VerbatimsList({ categories }: { categories: { category: string; name: string }[] }) {
  const fmt = useFormat();
  const [filters] = useMetricsFilters();
  const [params, setParams] = useVerbatimsParams();
  // A category the taxonomy does not have is ignored, and said, like any other bad value of a URL.
  const category =
    params.vcategory && categories.some((c) => c.category === params.vcategory) ? params.vcategory : null;
  const ignored: IgnoredParam[] =
    params.vcategory && !category
      ? [
          {
            key: "vcategory",
            text: `Ignored vcategory=${shownValue(params.vcategory)}: not a category of the taxonomy.`,
          },
        ]
      : [];
  const query = useQuery(verbatimsQuery(filters, { category, q: params.vq, page: params.vpage }));
  // Another period, segment or plan is another list: it starts on its first page.
  const filterKey = JSON.stringify(filters);
  const listedFor = useRef(filterKey);
  useEffect(() => {
    if (listedFor.current === filterKey) return;
    listedFor.current = filterKey;
    void setParams({ vpage: null });
  }, [filterKey, setParams]);
  // The search box types freely; the URL (and the list) follow 300 ms after the last key. When the
  // URL changes otherwise (back, a link), the box shows its words.
  const [typed, setTyped] = useState(params.vq ?? "");
  const [shown, setShown] = useState(params.vq);
  if (shown !== params.vq) {
    setShown(params.vq);
    if ((params.vq ?? "") !== typed.trim()) setTyped(params.vq ?? "");
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const search = (value: string, delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void setParams({ vq: value.trim() || null, vpage: null }), delay);
  };

  const categoryName = categories.find((c) => c.category === category)?.name ?? category;
  const words = (params.vq ?? "").split(/\s+/).filter(Boolean);
  const data = query.data;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.page * data.pageSize, data.total) : 0;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div id={VERBATIMS_ID} className="scroll-mt-4">
      <Panel
        title="Answers in their own words"
        description="The answers behind the charts above, newest first: the same dates, segment and plan."
      >
        {/* Whether a category exists is the taxonomy's to say, not the URL parsers': a notice of its own. */}
        <ParamNotice notices={ignored} testId="verbatims-notice" />
        <form
          role="search"
          className="mb-3 flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            search(typed, 0);
          }}
        >
          <label className="flex flex-col gap-1 text-xs text-muted">
            Answers in category
            <select
              className={control}
              value={category ?? ""}
              onChange={(e) => void setParams({ vcategory: e.target.value || null, vpage: null })}
            >
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c.category} value={c.category}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-muted">
            Search the answers
            <input
              type="search"
              className={control}
              value={typed}
              maxLength={200}
              placeholder="Words the customer wrote"
              onChange={(e) => {
                setTyped(e.target.value);
                search(e.target.value, 300);
              }}
            />
          </label>
          <p className="ml-auto text-sm text-muted tabular-nums" data-testid="verbatims-count" aria-live="polite">
            {data
              ? data.total === 0
                ? "0 answers"
                : data.total === 1
                  ? "1 answer"
                  : `${fmt.number(first)}–${fmt.number(last)} of ${fmt.number(data.total)} answers`
              : "Loading…"}
          </p>
        </form>

        {query.isError ? (
          <EmptyState title="The answers could not be loaded">{query.error.message}</EmptyState>
        ) : !data ? (
          <TableSkeleton label="answers" rows={5} />
        ) : data.total === 0 ? (
          <EmptyState
            title={
              params.vq
                ? `No answers match “${params.vq}”${category ? ` in ${categoryName}` : ""}`
                : `No answers match these filters${category ? ` in ${categoryName}` : ""}`
            }
          >
            Try other words, another category or a wider date range.
          </EmptyState>
        ) : (
          <>
            <ol
              className={`divide-y divide-line ${query.isPlaceholderData ? "opacity-60" : ""}`}
              aria-busy={query.isFetching}
              data-testid="verbatims-list"
            >
              {data.answers.map((a) => (
                <Answer key={a.ref} a={a} words={words} />
              ))}
            </ol>
            {pages > 1 && (
              <nav aria-label="Answer pages" className="mt-3 flex items-center justify-between gap-3 text-sm">
                <button
                  type="button"
                  className={pagerButton}
                  disabled={data.page <= 1}
                  onClick={() => void setParams({ vpage: data.page - 1 > 1 ? data.page - 1 : null })}
                >
                  Previous page
                </button>
                <span className="text-muted tabular-nums">
                  Page {fmt.number(data.page)} of {fmt.number(pages)}
                </span>
                <button
                  type="button"
                  className={pagerButton}
                  disabled={data.page >= pages}
                  onClick={() => void setParams({ vpage: data.page + 1 })}
                >
                  Next page
                </button>
              </nav>
            )}
          </>
        )}
      </Panel>
    </div>
  );
}

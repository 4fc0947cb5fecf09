"use client";
// Search and filters of the account list, kept in the URL (nuqs) so a view can be shared as a link.
import { createParser, parseAsInteger, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { isSafeText } from "@/lib/input-checks";
import { ACCOUNT_STATUS_LABEL, ACCOUNT_STATUSES, SEGMENTS } from "@/lib/values";

// The same values the server's accountListSchema keeps: a refused one (a NUL in the search, an
// unknown segment) is shown as absent, as the page reads it, not echoed back into the inputs.
const parseAsSearch = createParser({
  parse: (v) => (isSafeText(v, 200) ? v : null),
  serialize: (v: string) => v,
});

export function AccountFilters() {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(
    {
      q: parseAsSearch.withDefault(""),
      segment: parseAsStringLiteral(SEGMENTS),
      status: parseAsStringLiteral(ACCOUNT_STATUSES),
      page: parseAsInteger,
    },
    { shallow: false, throttleMs: 300, startTransition },
  );
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3" role="search">
      <label className="sr-only" htmlFor="account-search">
        Search accounts
      </label>
      <input
        id="account-search"
        type="search"
        placeholder="Search by name, domain or external id"
        value={params.q}
        onChange={(e) => setParams({ q: e.target.value || null, page: null })}
        className="w-80 rounded-md border border-line bg-surface px-3 py-2 text-sm"
      />
      <label className="text-sm text-muted">
        Segment{" "}
        <select
          value={params.segment ?? ""}
          onChange={(e) => setParams({ segment: SEGMENTS.find((v) => v === e.target.value) ?? null, page: null })}
          className="ml-1 rounded-md border border-line bg-surface px-2 py-2 text-sm text-ink"
        >
          <option value="">All</option>
          <option value="smb">SMB</option>
          <option value="mid">Mid-market</option>
          <option value="enterprise">Enterprise</option>
        </select>
      </label>
      <label className="text-sm text-muted">
        Status{" "}
        <select
          value={params.status ?? ""}
          onChange={(e) =>
            setParams({ status: ACCOUNT_STATUSES.find((v) => v === e.target.value) ?? null, page: null })
          }
          className="ml-1 rounded-md border border-line bg-surface px-2 py-2 text-sm text-ink"
        >
          <option value="">All</option>
          {ACCOUNT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACCOUNT_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      {pending && (
        <span className="text-sm text-muted" role="status">
          Updating…
        </span>
      )}
    </div>
  );
}

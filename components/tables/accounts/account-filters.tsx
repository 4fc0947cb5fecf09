"use client";
// Search and filters of the account list, kept in the URL (nuqs) so a view can be shared as a link.
import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { useTransition } from "react";

export function AccountFilters() {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(
    {
      q: parseAsString.withDefault(""),
      segment: parseAsString.withDefault(""),
      status: parseAsString.withDefault(""),
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
          value={params.segment}
          onChange={(e) => setParams({ segment: e.target.value || null, page: null })}
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
          value={params.status}
          onChange={(e) => setParams({ status: e.target.value || null, page: null })}
          className="ml-1 rounded-md border border-line bg-surface px-2 py-2 text-sm text-ink"
        >
          <option value="">All</option>
          <option value="active">Active</option>
          <option value="paused">Paused</option>
          <option value="trial">Trial</option>
          <option value="canceled">Canceled</option>
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

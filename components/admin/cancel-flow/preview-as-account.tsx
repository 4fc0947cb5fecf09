"use client";
// "Preview as account…": find an account by name or external id, then walk this flow as that
// account in a new tab. The preview session is marked as one: counted nowhere, sending nothing.
import { useEffect, useId, useState } from "react";
import { ActionNotice, useAction } from "@/components/ui/use-action";
import { findAccountsAction } from "@/lib/actions/accounts/find-accounts";
import { previewCancelFlowAction } from "@/lib/actions/cancel-flows/preview-cancel-flow";
import { control } from "./fields";

interface Found {
  externalId: string;
  name: string;
  status: string;
}

export function PreviewAsAccount({ flowId }: { flowId: string }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Found[] | null>(null);
  const [picked, setPicked] = useState<Found | null>(null);
  const [opened, setOpened] = useState<{ url: string; name: string } | null>(null);
  const { run, busy, message, clear, reload } = useAction();

  useEffect(() => {
    const words = q.trim();
    if (words === "") return;
    let current = true;
    const timer = setTimeout(() => {
      void findAccountsAction({ q: words }).then((r) => {
        if (current) setFound(r.ok ? r.data : []);
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);

  async function open() {
    if (!picked) return;
    const tab = picked;
    const result = await run(
      () => previewCancelFlowAction({ flowId, accountExternalId: tab.externalId }),
      (d) => `Preview session started for ${tab.name} (${d.locale}). It is counted nowhere and sends nothing.`,
      undefined,
      () => false,
    );
    if (result.ok) {
      setOpened({ url: result.data.url, name: tab.name });
      window.open(result.data.url, "_blank", "noopener");
    }
  }

  const results = q.trim() === "" ? null : found;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-line bg-surface p-5">
      <h2 id={`${id}-title`} className="font-semibold">
        Preview as account…
      </h2>
      <p className="mb-3 mt-0.5 text-sm text-muted">
        Walk this flow as one account, with its own facts, in a new tab. A preview is never counted, sends no webhook
        and changes nothing in billing.
      </p>
      <ActionNotice message={message} onReload={reload} onDismiss={clear} />
      <label htmlFor={`${id}-q`} className="text-sm font-medium">
        Account (name or external id)
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setPicked(null);
        }}
        className={control}
        autoComplete="off"
      />
      {results && (
        <fieldset className="mt-2">
          <legend className="sr-only">Matching accounts</legend>
          {results.length === 0 ? (
            <p className="text-sm text-muted" role="status">
              No account matches “{q.trim()}”.
            </p>
          ) : (
            <ul className="max-h-56 space-y-1 overflow-auto">
              {results.map((a) => (
                <li key={a.externalId}>
                  <label className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-canvas">
                    <input
                      type="radio"
                      name={`${id}-account`}
                      checked={picked?.externalId === a.externalId}
                      onChange={() => setPicked(a)}
                    />
                    <span className="font-medium">{a.name}</span>
                    <span className="font-mono text-xs text-muted">{a.externalId}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      <button
        type="button"
        disabled={!picked || busy}
        onClick={() => void open()}
        className="mt-3 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink disabled:opacity-60"
      >
        {picked ? `Open the preview as ${picked.name}` : "Open the preview"}
      </button>
      {opened && (
        <p className="mt-2 text-sm">
          <a href={opened.url} target="_blank" rel="noopener noreferrer" className="text-accent underline">
            Open {opened.name}’s preview again ↗
          </a>
        </p>
      )}
    </section>
  );
}

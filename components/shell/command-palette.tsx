"use client";
// ⌘K / Ctrl-K: jump to a page or to an account by name or externalId, from anywhere.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Modal } from "@/components/ui/modal";
import { findAccountsAction } from "@/lib/actions/accounts/find-accounts";
import { accountPath } from "@/lib/account-path";

interface Entry {
  href: string;
  label: string;
  hint: string;
}

export function CommandPalette({ pages }: { pages: { href: string; label: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [accounts, setAccounts] = useState<Entry[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Accounts are looked up 150 ms after the last keystroke; a blank search is cleared where it happens
  // (typing, closing), not here.
  useEffect(() => {
    if (!open) return;
    const term = q.trim();
    if (!term) return;
    const t = setTimeout(async () => {
      const result = await findAccountsAction({ q: term });
      if (result.ok)
        setAccounts(
          result.data.map((a) => ({
            href: accountPath(a.externalId),
            label: a.name,
            hint: `${a.externalId} · ${a.status}`,
          })),
        );
    }, 150);
    return () => clearTimeout(t);
  }, [q, open]);

  const term = q.trim().toLowerCase();
  const entries: Entry[] = [
    ...pages.filter((p) => !term || p.label.toLowerCase().includes(term)).map((p) => ({ ...p, hint: "Page" })),
    // A lookup that answers after the search was cleared is not shown.
    ...(term ? accounts : []),
  ];
  const close = () => {
    setOpen(false);
    setQ("");
    setAccounts([]);
    setActive(0);
  };
  const go = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    router.push(entry.href);
  };

  return (
    <Modal open={open} onClose={close} labelledBy="palette-title">
      <div className="p-3">
        <h2 id="palette-title" className="sr-only">
          Go to a page or an account
        </h2>
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={entries[active] ? `palette-${active}` : undefined}
          aria-label="Search pages and accounts"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            if (!e.target.value.trim()) setAccounts([]);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((a) => Math.min(entries.length - 1, a + 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === "Enter") {
              e.preventDefault();
              go(entries[active]);
            }
          }}
          placeholder="Go to… an account name, an externalId or a page"
          className="w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
        />
        <ul id="palette-list" role="listbox" aria-label="Results" className="mt-2 max-h-80 overflow-y-auto">
          {entries.map((e, i) => (
            <li
              key={e.href}
              id={`palette-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onClick={() => go(e)}
              className={`flex cursor-pointer justify-between gap-3 rounded-md px-3 py-2 text-sm ${i === active ? "bg-accent-soft" : ""}`}
            >
              <span className="font-medium">{e.label}</span>
              <span className="truncate text-xs text-muted">{e.hint}</span>
            </li>
          ))}
          {term && entries.length === 0 && (
            <li className="px-3 py-2 text-sm text-muted">No page or account matches “{q}”.</li>
          )}
        </ul>
        <p className="mt-2 px-1 text-xs text-muted">↑ ↓ to choose, Enter to go, Esc to close.</p>
      </div>
    </Modal>
  );
}

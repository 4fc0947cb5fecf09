"use client";
// The admin area's sections, with the current one marked.
import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/taxonomy", label: "Taxonomy" },
  { href: "/admin/workbench", label: "Categorize" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/health", label: "Health score" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/cancel-flow", label: "Cancel flow" },
  { href: "/import", label: "Import CSV" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin sections" className="mb-6 flex flex-wrap gap-1 border-b border-line text-sm">
      {SECTIONS.map((s) => {
        const current = pathname === s.href;
        return (
          <IntentLink
            key={s.href}
            href={s.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${current ? "border-accent font-medium text-accent" : "border-transparent text-muted hover:text-ink"}`}
          >
            {s.label}
          </IntentLink>
        );
      })}
    </nav>
  );
}

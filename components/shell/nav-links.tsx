"use client";
import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 md:block md:space-y-1">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <IntentLink
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm ${current ? "bg-accent/10 font-semibold text-accent" : "text-ink hover:bg-canvas"}`}
            >
              {item.label}
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}

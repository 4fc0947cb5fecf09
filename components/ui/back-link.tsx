import { IntentLink } from "@/components/ui/intent-link";

/** "← Parent" above a page's header. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-2 text-sm">
      <IntentLink href={href} className="text-accent hover:underline">
        ← {label}
      </IntentLink>
    </p>
  );
}

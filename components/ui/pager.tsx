import { IntentLink } from "@/components/ui/intent-link";

/** Previous/next links that keep the other query parameters of the page. */
export function Pager({
  page,
  pages,
  params,
}: {
  page: number;
  pages: number;
  params: Record<string, string | undefined>;
}) {
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
    if (p > 1) search.set("page", String(p));
    const qs = search.toString();
    return qs ? `?${qs}` : "?";
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <IntentLink href={href(page - 1)} className="rounded-md border border-line bg-surface px-3 py-1.5" rel="prev">
          Previous
        </IntentLink>
      ) : null}
      <span className="text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <IntentLink href={href(page + 1)} className="rounded-md border border-line bg-surface px-3 py-1.5" rel="next">
          Next
        </IntentLink>
      ) : null}
    </nav>
  );
}

// "Download CSV": what a chart's download button gives is the CSV for people (money in currency
// units, rates as percentages: `for=people`, docs/api.md); the raw CSV stays for tools and the API.
export function CsvLink({ href, label = "Download CSV" }: { href: string; label?: string }) {
  const url = new URL(href, "http://holdfast.invalid");
  url.searchParams.set("for", "people");
  return (
    <a
      href={`${url.pathname}${url.search}`}
      download
      className="rounded-md border border-line px-2 py-1 text-xs text-muted hover:bg-canvas hover:text-ink"
    >
      {label}
    </a>
  );
}

/** A CSV made in the browser from numbers a chart computed itself (e.g. an average curve). */
export function CsvDataLink({
  filename,
  csv,
  label = "Download CSV",
}: {
  filename: string;
  csv: () => string;
  label?: string;
}) {
  return (
    <button
      type="button"
      className="rounded-md border border-line px-2 py-1 text-xs text-muted hover:bg-canvas hover:text-ink"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = filename;
        a.click();
        // Revoked once the download has started: revoking at once can cancel it.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }}
    >
      {label}
    </button>
  );
}

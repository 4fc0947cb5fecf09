// "Download CSV": the same endpoint the chart reads, as CSV.
export function CsvLink({ href, label = "Download CSV" }: { href: string; label?: string }) {
  return (
    <a href={href} download className="rounded-md border border-line px-2 py-1 text-xs text-muted hover:bg-canvas hover:text-ink">
      {label}
    </a>
  );
}

import { Explain } from "./explain";

export function StatCard({
  label,
  value,
  testId,
  explain,
  footnote,
}: {
  label: string;
  value: string;
  testId?: string;
  explain: React.ReactNode;
  footnote?: string;
}) {
  return (
    <section className="rounded-xl border border-line bg-surface p-5" aria-label={label}>
      <h2 className="flex items-center text-sm font-medium text-muted">
        {label}
        <Explain label={label}>{explain}</Explain>
      </h2>
      <p className="mt-2 text-3xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
      {footnote && <p className="mt-1 text-xs text-muted">{footnote}</p>}
    </section>
  );
}

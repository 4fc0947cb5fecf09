// The documents served at /docs/<name>, and where a link inside one of them points on the site.
export const DOCS = [
  { name: "metrics", title: "Metrics" },
  { name: "api", title: "API" },
  { name: "architecture", title: "Architecture" },
] as const;

export type DocName = (typeof DOCS)[number]["name"];

/** The sections of docs/metrics.md that the formula popovers link to (a test checks each exists). */
export const METRIC_DOC = {
  customers: "customers",
  mrr: "mrr",
  logoChurnRate: "logo-churn-rate",
  grossMrrChurnRate: "gross-mrr-churn-rate",
  netMrrChurnRate: "net-mrr-churn-rate",
  netRevenueRetention: "net-revenue-retention",
  quickRatio: "quick-ratio",
  logoRetention: "logo-retention",
  revenueRetention: "revenue-retention",
  reasonBreakdown: "reason-breakdown",
  saveRate: "save-rate",
  cancelSessions: "cancel-sessions",
  saveRateByVariant: "save-rate-by-variant",
  watchlist: "watchlist",
} as const;

export type MetricDoc = (typeof METRIC_DOC)[keyof typeof METRIC_DOC];

export function findDoc(name: string): (typeof DOCS)[number] | undefined {
  return DOCS.find((d) => d.name === name);
}

/**
 * Where a link inside a document points on the site: another document (`metrics.md#x`, `docs/api.md`)
 * becomes `/docs/<name>#x`; a link to a file of the repository has no page (null); web links stay.
 */
export function docHref(href: string): string | null {
  if (/^(https?:|mailto:)/.test(href) || href.startsWith("#") || href.startsWith("/")) return href;
  const match = /^(?:\.\/|\.\.\/)*(?:docs\/)?([a-z-]+)\.md(#.*)?$/.exec(href);
  const doc = match?.[1] ? findDoc(match[1]) : undefined;
  return doc ? `/docs/${doc.name}${match?.[2] ?? ""}` : null;
}

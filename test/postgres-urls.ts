// Database names and URLs for the PostgreSQL test run.
export function runPrefix(): string {
  return `holdfast_test_${process.pid}_${Date.now().toString(36)}`;
}

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export function adminUrl(base: string): string {
  return databaseUrl(base, "postgres");
}

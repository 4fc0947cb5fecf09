// The one address of an account's page: every link, palette entry and keyboard jump to an account uses it.
export function accountPath(externalId: string): string {
  return `/accounts/${encodeURIComponent(externalId)}`;
}

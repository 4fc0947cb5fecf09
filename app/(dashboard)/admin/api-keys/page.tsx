import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { ApiKeysPanel } from "@/components/admin/api-keys-panel";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/db/queries/api-keys";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requireUser("admin");
  const keys = await listApiKeys(await getDb());
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the ingestion API (scope ingest), the read API (scope read) and cancel sessions (scope cancel). Stored as a hash; shown once."
      />
      <AdminNav />
      <ApiKeysPanel
        keys={keys.map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
        }))}
      />
      <p className="mt-4 text-sm text-muted">
        The API is described at{" "}
        <IntentLink href="/api-docs" className="text-accent underline">
          /api-docs
        </IntentLink>
        .
      </p>
    </>
  );
}

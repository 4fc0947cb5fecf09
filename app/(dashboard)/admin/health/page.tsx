import type { Metadata } from "next";
import { HealthSettingsForm } from "@/components/admin/health-settings-form";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getHealthSettings, healthSummary, knownFeatures } from "@/db/queries/health-settings";
import { requireUser } from "@/lib/auth/session";
import { getFormat } from "@/lib/locale-server";

export const metadata: Metadata = { title: "Health score" };

export default async function HealthSettingsPage() {
  await requireUser("admin");
  const fmt = await getFormat();
  const db = await getDb();
  const settings = await getHealthSettings(db);
  const [features, summary] = await Promise.all([knownFeatures(db), healthSummary(db, settings.threshold)]);
  return (
    <>
      <PageHeader
        title="Health score"
        description="Weights of the six components, the features that count as key, and the score under which a customer enters the at-risk queue. Saving re-scores every account at once."
      />
      <AdminNav />
      <p className="mb-6 text-sm text-muted" data-testid="health-summary">
        {summary.scored === 0
          ? "No account is scored yet: scores appear once customers or trials exist."
          : `${fmt.number(summary.scored)} accounts scored, ${fmt.number(summary.below)} below ${settings.threshold}; last computed ${summary.computedAt ? fmt.dateTime(summary.computedAt) : "never"}.`}
      </p>
      <HealthSettingsForm settings={settings} features={features} />
    </>
  );
}

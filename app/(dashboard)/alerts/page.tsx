import type { Metadata } from "next";
import { AlertRules } from "@/components/alerts/alert-rules";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { firingsOf, listAlertRules } from "@/db/queries/alert-rules";
import { listPlans } from "@/db/queries/plans";
import { assignableUsers } from "@/db/queries/triage-items";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeText } from "@/lib/validation/text";

export const metadata: Metadata = { title: "Alert rules" };

const ruleParam = safeText(100).catch("");

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("manager");
  const db = await getDb();
  const selected = ruleParam.parse((await searchParams).rule ?? "");
  const [rules, users, plans] = await Promise.all([listAlertRules(db), assignableUsers(db), listPlans(db)]);
  const shown = rules.find((r) => r.id === selected);
  const firings = shown ? await firingsOf(db, shown.id) : [];
  return (
    <>
      <PageHeader
        title="Alert rules"
        description="When a condition holds for an account, a rule assigns it, sets a follow-up, tells people and posts to Slack — once per account and occurrence, and again only after the condition cleared. Rules run with each health refresh and at least hourly."
      />
      <AlertRules
        currency={env().CURRENCY}
        rules={rules.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
          lastFiredAt: r.lastFiredAt?.toISOString() ?? null,
        }))}
        users={users}
        plans={plans}
        selected={shown?.id ?? null}
        firings={firings.map((f) => ({
          ...f,
          firedAt: f.firedAt.toISOString(),
          clearedAt: f.clearedAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountTriage } from "@/components/triage/account-triage";
import { HealthBreakdown } from "@/components/triage/health-breakdown";
import { Timeline } from "@/components/triage/timeline";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db/client";
import { getAccountDetail } from "@/db/queries/accounts";
import { getHealthSettings } from "@/db/queries/health-settings";
import { TIMELINE_WEEKS, accountHealth, accountTimeline } from "@/db/queries/timeline";
import { assignableUsers, liveItemFor } from "@/db/queries/triage-items";
import { hasRole } from "@/lib/values";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatSegment } from "@/lib/format";
import { decodeParam } from "@/lib/input-checks";
import { getFormat } from "@/lib/locale-server";
import { externalIdParam } from "@/lib/validation/accounts";

type Props = { params: Promise<{ externalId: string }> };

/** The externalId in the path; null when no account can have it (it does not decode, a NUL, too long). */
async function externalIdOf(params: Props["params"]): Promise<string | null> {
  const parsed = externalIdParam.safeParse(decodeParam((await params).externalId));
  return parsed.success ? parsed.data : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await externalIdOf(params)) ?? "Account" };
}

export default async function AccountPage({ params }: Props) {
  const user = await requireUser("cs");
  const fmt = await getFormat();
  const externalId = await externalIdOf(params);
  if (externalId === null) notFound();
  const db = await getDb();
  const account = await getAccountDetail(db, externalId);
  if (!account) notFound();
  const [health, item, timeline, users, settings] = await Promise.all([
    accountHealth(db, account.id),
    liveItemFor(db, account.id),
    accountTimeline(db, account.id, new Date()),
    assignableUsers(db),
    getHealthSettings(db),
  ]);
  const currency = env().CURRENCY;
  const facts: [string, React.ReactNode][] = [
    ["Status", <StatusBadge key="s" status={account.status} />],
    ["MRR", fmt.money(account.mrrCents, currency)],
    ["Segment", formatSegment(account.segment)],
    ["Plan", account.plan ?? "–"],
    ["Seats paid", account.seatsPaid ?? "–"],
    ["Owner", account.ownerName ?? "Unassigned"],
    ["Domain", account.domain ?? "–"],
    ["Created", fmt.date(account.createdAt)],
  ];
  if (account.trialEndsAt) facts.push(["Trial ends", fmt.date(account.trialEndsAt)]);
  return (
    <>
      <BackLink href="/accounts" label="Accounts" />
      <PageHeader title={account.name} description={`External id ${account.externalId}`} />
      <dl className="mb-8 grid grid-cols-2 gap-4 rounded-xl border border-line bg-surface p-5 md:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-muted">{label}</dt>
            <dd className="mt-1 font-medium" data-testid={`account-${label.toLowerCase().replace(/\s+/g, "-")}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <div className="mb-8 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <HealthBreakdown health={health} threshold={settings.threshold} />
        <AccountTriage
          account={{ externalId: account.externalId, name: account.name }}
          item={
            item && {
              ...item,
              snoozedUntil: item.snoozedUntil?.toISOString() ?? null,
              lastOutreachAt: item.lastOutreachAt?.toISOString() ?? null,
            }
          }
          me={{ id: user.id, canAssignAnyone: hasRole(user.role, "manager") }}
          users={users}
        />
      </div>

      <h2 className="mb-3 text-lg font-semibold">Timeline</h2>
      <p className="mb-4 text-sm text-muted">
        Billing, weekly activity (last {TIMELINE_WEEKS} weeks), signals, survey answers and outreach, newest first.
      </p>
      <Timeline entries={timeline} currency={currency} />
    </>
  );
}

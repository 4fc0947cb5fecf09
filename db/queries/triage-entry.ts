// How accounts enter and leave the at-risk queue on their own (docs/metrics.md):
// - recovery: a paying customer whose health fell below the threshold; not re-added while an
//   item is live (open, contacted, in progress — snoozed included), and after an item closed
//   only by falling below the threshold again;
// - conversion: a trial whose end is within 7 days or passed in the last 30, once per trial end;
// - a live item that entered by itself closes itself when the account's fate is sealed (a trial
//   converts: saved; the account cancels: lost); one added by hand (a win-back) waits for a person.
// Every entry and exit is in the audit log, by Holdfast itself.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

const DAY = 86_400_000;
export const CONVERSION_WINDOW_DAYS = 7;
export const CONVERSION_LOOKBACK_DAYS = 30;
const LIVE = sql.raw(`('open', 'contacted', 'in_progress')`);

interface Changed {
  id: string;
  account_id: string;
  kind: string;
  status: string;
  before_status: string | null;
}

async function auditSystem(db: Db, action: string, rows: Changed[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after)
    select 'system', null, 'system', ${action}, 'triage_item', id,
      case when before_status is null then null else jsonb_build_object('status', before_status) end,
      jsonb_build_object('status', status, 'kind', kind, 'accountId', account_id)
    from unnest(${sql.param(rows.map((r) => r.id))}::text[], ${sql.param(rows.map((r) => r.account_id))}::text[],
      ${sql.param(rows.map((r) => r.kind))}::text[], ${sql.param(rows.map((r) => r.status))}::text[],
      ${sql.param(rows.map((r) => r.before_status))}::text[]) as x(id, account_id, kind, status, before_status)
  `);
}

export async function syncQueue(db: Db, now: Date, threshold: number): Promise<{ queued: number; closed: number }> {
  const closed = await queryRows<Changed>(
    db,
    sql`
    update triage_items t set
      status = (case when t.kind = 'conversion' and a.status in ('active', 'paused') then 'saved' else 'lost' end)::triage_status,
      closed_at = ${now}, updated_at = ${now}, updated_by = null, version = t.version + 1
    from accounts a, (select id, status::text as before_status from triage_items where status in ${LIVE}) old
    where a.id = t.account_id and old.id = t.id and t.status in ${LIVE} and t.source <> 'manual'
      and (a.status = 'canceled' or (t.kind = 'conversion' and a.status in ('active', 'paused')))
    returning t.id, t.account_id, t.kind::text as kind, t.status::text as status, old.before_status
  `,
  );
  await auditSystem(db, "triage.close", closed);

  const recovery = await queryRows<Changed>(
    db,
    sql`
    insert into triage_items (id, account_id, kind, source, status, assignee_id, risk_score, reasons, created_at, updated_at)
    select 'tri_' || replace(gen_random_uuid()::text, '-', ''), a.id, 'recovery', 'health', 'open', owner.id,
      round(h.score), h.reasons, ${now}, ${now}
    from health_scores h
      join accounts a on a.id = h.account_id
      left join users owner on owner.id = a.owner_id and owner.active
    where h.score < ${threshold} and a.status in ('active', 'paused') and a.mrr_cents > 0
      and not exists (
        select 1 from triage_items t where t.account_id = a.id and t.kind = 'recovery'
          and (t.status in ${LIVE} or t.closed_at >= h.below_since))
    order by a.id
    on conflict do nothing
    returning id, account_id, kind::text as kind, status::text as status, null as before_status
  `,
  );
  const conversion = await queryRows<Changed>(
    db,
    sql`
    insert into triage_items (id, account_id, kind, source, status, assignee_id, risk_score, reasons, created_at, updated_at)
    select 'tri_' || replace(gen_random_uuid()::text, '-', ''), a.id, 'conversion', 'trial', 'open', owner.id,
      round(h.score), coalesce(h.reasons, '[]'::jsonb), ${now}, ${now}
    from accounts a
      left join health_scores h on h.account_id = a.id
      left join users owner on owner.id = a.owner_id and owner.active
    where a.status = 'trial'
      and a.trial_ends_at <= ${new Date(now.getTime() + CONVERSION_WINDOW_DAYS * DAY)}
      and a.trial_ends_at >= ${new Date(now.getTime() - CONVERSION_LOOKBACK_DAYS * DAY)}
      and not exists (
        select 1 from triage_items t where t.account_id = a.id and t.kind = 'conversion'
          and (t.status in ${LIVE} or t.created_at >= a.trial_ends_at - interval '${sql.raw(String(CONVERSION_WINDOW_DAYS + CONVERSION_LOOKBACK_DAYS))} days'))
    order by a.id
    on conflict do nothing
    returning id, account_id, kind::text as kind, status::text as status, null as before_status
  `,
  );
  await auditSystem(db, "triage.enter", [...recovery, ...conversion]);
  return { queued: recovery.length + conversion.length, closed: closed.length };
}

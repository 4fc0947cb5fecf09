import type { Metadata } from "next";
import { Suspense } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { MessagesLog } from "@/components/admin/messages-log";
import { WebhooksDelivery } from "@/components/admin/webhooks-delivery";
import { WebhooksEndpoints } from "@/components/admin/webhooks-endpoints";
import { WebhooksJobs } from "@/components/admin/webhooks-jobs";
import { WebhooksLog, logHref } from "@/components/admin/webhooks-log";
import { WebhooksRefresh } from "@/components/admin/webhooks-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ParamNotice } from "@/components/ui/param-notice";
import { TableSkeleton } from "@/components/ui/skeleton";
import { type Db, getDb } from "@/db/client";
import { deadJobs, jobCounts, recurringJobs } from "@/db/queries/jobs";
import { listMessageDeliveries } from "@/db/queries/message-deliveries";
import { DELIVERY_PAGE_SIZE, deliveryToSend, listAttempts, listDeliveries } from "@/db/queries/webhook-deliveries";
import { listWebhookEndpoints } from "@/db/queries/webhooks";
import { requireUser } from "@/lib/auth/session";
import { firstValues } from "@/lib/filters";
import type { Formatter } from "@/lib/format";
import { getFormat } from "@/lib/locale-server";
import { searchNotices } from "@/lib/validation/params";
import { type DeliveryLogParams, deliveryFilters, deliveryLogSchema } from "@/lib/validation/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The page answers 403 before anything streams (no loading.tsx: its 200 would go out before the
// role check); the log and the jobs load in their own Suspense boundaries after it.
export default async function WebhooksPage({ searchParams }: Props) {
  await requireUser("admin");
  const fmt = await getFormat();
  const raw = await searchParams;
  const params = deliveryLogSchema.parse(firstValues(raw));
  const db = await getDb();
  const endpoints = await listWebhookEndpoints(db);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Endpoints of your own systems that Holdfast tells what happens. It sends an event when an account enters the at-risk queue, when a customer finishes the cancel page (saved or cancelled), and the test events you send. Each request is signed per Standard Webhooks and retried with backoff for 24 hours."
      />
      <AdminNav />
      <ParamNotice notices={searchNotices(deliveryLogSchema, raw)} />
      <div className="space-y-6">
        <Panel title="Endpoints" description="The signing secret (whsec_…) is shown once, when the endpoint is added.">
          <WebhooksEndpoints endpoints={endpoints.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }))} />
        </Panel>
        <section id="deliveries" aria-labelledby="deliveries-title" className="scroll-mt-4">
          <h2 id="deliveries-title" className="mb-1 font-semibold">
            Delivery log
          </h2>
          <p className="mb-4 max-w-3xl text-sm text-muted">
            Every message to every endpoint, newest first. Open one to see its attempts and replay it: a replay keeps
            the webhook-id, so a receiver that already handled it can tell.
          </p>
          <Suspense fallback={<TableSkeleton label="the delivery log" rows={6} />}>
            <DeliveryLog
              db={db}
              params={params}
              fmt={fmt}
              endpoints={endpoints.map((e) => ({ id: e.id, url: e.url }))}
            />
          </Suspense>
        </section>
        <Panel
          title="E-mail and Slack"
          description="Every e-mail and Slack post Holdfast sends (alerts, digests, tests), newest first. Each is a job of the queue under its own id (an e-mail's Message-ID), retried with backoff for a day."
        >
          <Suspense fallback={<TableSkeleton label="the e-mail and Slack log" rows={4} />}>
            <Messages db={db} fmt={fmt} />
          </Suspense>
        </Panel>
        <Panel
          title="Background jobs"
          description="The job queue behind deliveries and health re-scoring. A recurring job is queued again after each run: its table says when it last ran and runs next. A dead job ran out of tries or time and will not run again by itself."
        >
          <Suspense fallback={<TableSkeleton label="the background jobs" rows={3} />}>
            <Jobs db={db} fmt={fmt} />
          </Suspense>
        </Panel>
      </div>
    </>
  );
}

async function Messages({ db, fmt }: { db: Db; fmt: Formatter }) {
  const { rows, total } = await listMessageDeliveries(db);
  return <MessagesLog rows={rows} total={total} fmt={fmt} />;
}

async function DeliveryLog({
  db,
  params,
  fmt,
  endpoints,
}: {
  db: Db;
  params: DeliveryLogParams;
  fmt: Formatter;
  endpoints: { id: string; url: string }[];
}) {
  const [log, delivery, attempts] = await Promise.all([
    listDeliveries(db, deliveryFilters(params)),
    params.delivery ? deliveryToSend(db, params.delivery) : undefined,
    params.delivery ? listAttempts(db, params.delivery) : [],
  ]);
  const pages = Math.max(1, Math.ceil(log.total / DELIVERY_PAGE_SIZE));
  const waiting = triesSoon(log.rows, delivery, new Date());
  return (
    <WebhooksLog rows={log.rows} total={log.total} pages={pages} params={params} endpoints={endpoints} fmt={fmt}>
      {waiting && <WebhooksRefresh />}
      {params.delivery &&
        (delivery ? (
          <WebhooksDelivery
            delivery={{
              id: delivery.id,
              eventType: delivery.eventType,
              url: delivery.url,
              status: delivery.status,
              createdAt: delivery.createdAt,
              data: delivery.data,
            }}
            attempts={attempts}
            fmt={fmt}
            closeHref={logHref(params, { delivery: undefined })}
          />
        ) : (
          <p role="status" className="mb-4 rounded-lg border border-warn-line bg-warn-soft px-3 py-2 text-sm">
            There is no delivery {params.delivery}.
          </p>
        ))}
    </WebhooksLog>
  );
}

async function Jobs({ db, fmt }: { db: Db; fmt: Formatter }) {
  const [counts, dead, recurring] = await Promise.all([jobCounts(db), deadJobs(db, 10), recurringJobs(db)]);
  return <WebhooksJobs counts={counts} dead={dead} recurring={recurring} fmt={fmt} />;
}

/**
 * While a delivery on screen waits for a try due within the minute, the log reads itself again
 * (not for one whose next try is hours away).
 */
function triesSoon(
  rows: { id: string; status: string; nextAttemptAt: Date | null }[],
  open: { id: string; status: string } | undefined,
  now: Date,
): boolean {
  const soon = now.getTime() + 60_000;
  return (
    rows.some((d) => d.status === "pending" && (!d.nextAttemptAt || d.nextAttemptAt.getTime() <= soon)) ||
    (open?.status === "pending" && !rows.some((d) => d.id === open.id))
  );
}

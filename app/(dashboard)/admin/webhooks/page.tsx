import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { WebhooksDelivery } from "@/components/admin/webhooks-delivery";
import { WebhooksEndpoints } from "@/components/admin/webhooks-endpoints";
import { WebhooksJobs } from "@/components/admin/webhooks-jobs";
import { WebhooksLog, logHref } from "@/components/admin/webhooks-log";
import { WebhooksRefresh } from "@/components/admin/webhooks-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ParamNotice } from "@/components/ui/param-notice";
import { getDb } from "@/db/client";
import { deadJobs, jobCounts } from "@/db/queries/jobs";
import { DELIVERY_PAGE_SIZE, deliveryToSend, listAttempts, listDeliveries } from "@/db/queries/webhook-deliveries";
import { listWebhookEndpoints } from "@/db/queries/webhooks";
import { requireUser } from "@/lib/auth/session";
import { firstValues } from "@/lib/filters";
import { getFormat } from "@/lib/locale-server";
import { searchNotices } from "@/lib/validation/params";
import { deliveryFilters, deliveryLogSchema } from "@/lib/validation/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhooksPage({ searchParams }: Props) {
  await requireUser("admin");
  const fmt = await getFormat();
  const raw = await searchParams;
  const params = deliveryLogSchema.parse(firstValues(raw));
  const db = await getDb();
  const [endpoints, log, counts, dead, delivery, attempts] = await Promise.all([
    listWebhookEndpoints(db),
    listDeliveries(db, deliveryFilters(params)),
    jobCounts(db),
    deadJobs(db, 10),
    params.delivery ? deliveryToSend(db, params.delivery) : undefined,
    params.delivery ? listAttempts(db, params.delivery) : [],
  ]);
  const pages = Math.max(1, Math.ceil(log.total / DELIVERY_PAGE_SIZE));
  const waiting = log.rows.some((d) => d.status === "pending") || delivery?.status === "pending";
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Endpoints of your own systems that Holdfast tells when a cancel session ends or an account enters the at-risk queue. Each request is signed per Standard Webhooks and retried with backoff for 24 hours."
      />
      <AdminNav />
      <ParamNotice notices={searchNotices(deliveryLogSchema, raw)} />
      {waiting && <WebhooksRefresh />}
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
          <WebhooksLog
            rows={log.rows}
            total={log.total}
            pages={pages}
            params={params}
            endpoints={endpoints.map((e) => ({ id: e.id, url: e.url }))}
            fmt={fmt}
          />
        </section>
        <Panel
          title="Background jobs"
          description="The job queue behind deliveries and health re-scoring. A dead job ran out of tries or time and will not run again by itself."
        >
          <WebhooksJobs counts={counts} dead={dead} fmt={fmt} />
        </Panel>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { Suspense } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { FlowEditor } from "@/components/admin/cancel-flow/flow-editor";
import { FlowHistory } from "@/components/admin/cancel-flow/flow-history";
import { FlowList } from "@/components/admin/cancel-flow/flow-list";
import { PreviewAsAccount } from "@/components/admin/cancel-flow/preview-as-account";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { ParamNotice } from "@/components/ui/param-notice";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";
import { type Db, getDb } from "@/db/client";
import { ensureDefaultFlow } from "@/db/queries/cancel-flow-match";
import { getCancelFlow, knownReasonCodes, listCancelFlows } from "@/db/queries/cancel-flows";
import { experimentResults } from "@/db/queries/reasons-report";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_FLOW_NAME, defaultFlowContent } from "@/lib/cancel/defaults";
import { env } from "@/lib/env";
import { firstValues } from "@/lib/filters";
import { type CancelFlowPageParams, cancelFlowPageSchema } from "@/lib/validation/cancel-flow";
import { searchNotices } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Cancel flow" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The role check comes before anything streams; the flows load in their own Suspense boundary.
export default async function CancelFlowPage({ searchParams }: Props) {
  await requireUser("admin");
  const raw = await searchParams;
  const params = cancelFlowPageSchema.parse(firstValues(raw));
  return (
    <>
      <PageHeader
        title="Cancel flow"
        description="What a customer sees when they cancel: what they would lose, why they are leaving, an offer that fits the reason, and a one-click cancel. The default flow is for everyone; targeted flows for some segments, plans or locales are tried first, in order, and the first that matches wins."
      />
      <AdminNav />
      <ParamNotice notices={searchNotices(cancelFlowPageSchema, raw)} />
      <Suspense fallback={params.flow ? <EditorSkeleton /> : <TableSkeleton label="the cancel flows" rows={3} />}>
        <CancelFlowBody params={params} />
      </Suspense>
    </>
  );
}

async function CancelFlowBody({ params }: { params: CancelFlowPageParams }) {
  const db = await getDb();
  // An installation with no flow gets the default one, so there is always something to edit.
  await ensureDefaultFlow(db, { name: DEFAULT_FLOW_NAME, content: defaultFlowContent() });
  if (params.flow === "new") return <NewFlow db={db} />;
  if (params.flow) return <OneFlow db={db} flowId={params.flow} version={params.version} />;
  return <Flows db={db} />;
}

async function Flows({ db }: { db: Db }) {
  const flows = await listCancelFlows(db);
  return (
    <section aria-labelledby="cf-flows-title">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="cf-flows-title" className="font-semibold">
            Flows, in the order sessions try them
          </h2>
          <p className="mt-0.5 max-w-3xl text-sm text-muted">
            A session starts on the first targeted flow whose segments, plans and locales all match the account, else on
            the default. Each flow keeps every version; a session keeps the one it started on.
          </p>
        </div>
        <IntentLink
          href="/admin/cancel-flow?flow=new"
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-ink"
        >
          New targeted flow
        </IntentLink>
      </div>
      <FlowList
        flows={flows.map((f) => ({
          id: f.id,
          isDefault: f.isDefault,
          name: f.current.name,
          targeting: f.current.targeting,
          version: f.current.version,
          versions: f.versions,
          createdByName: f.current.createdByName ?? null,
          createdAt: f.current.createdAt.toISOString(),
        }))}
      />
    </section>
  );
}

async function NewFlow({ db }: { db: Db }) {
  const [flows, codes] = await Promise.all([listCancelFlows(db), knownReasonCodes(db)]);
  const base = flows.find((f) => f.isDefault)?.current;
  // A new flow runs no experiment until its admin starts one, whatever the default is trying.
  const content = { ...(base?.content ?? defaultFlowContent()), experiment: null };
  return (
    <>
      <BackLink href="/admin/cancel-flow" label="All flows" />
      <h2 className="mb-1 text-lg font-semibold">New targeted flow</h2>
      <p className="mb-4 max-w-3xl text-sm text-muted">
        It starts as a copy of the default flow’s content. Choose who it is for, then create it: it is tried after the
        other targeted flows and before the default.
      </p>
      <FlowEditor
        isDefault={false}
        snapshot={{ name: "New flow", targeting: { segments: [], plans: [], locales: [] }, content }}
        readOnly={false}
        knownCodes={codes}
        currency={env().CURRENCY}
      />
    </>
  );
}

async function OneFlow({ db, flowId, version }: { db: Db; flowId: string; version: number | undefined }) {
  const [found, codes] = await Promise.all([getCancelFlow(db, flowId), knownReasonCodes(db)]);
  if (!found) {
    return (
      <>
        <BackLink href="/admin/cancel-flow" label="All flows" />
        <p role="status" className="rounded-lg border border-warn-line bg-warn-soft px-3 py-2 text-sm">
          There is no cancel flow {flowId}: it may have been archived.
        </p>
      </>
    );
  }
  const { flow, versions } = found;
  const asked = version === undefined ? undefined : versions.find((v) => v.version === version);
  const shown = asked ?? flow.current;
  const readOnly = shown.version !== flow.current.version;
  // The shown version's experiment so far: every session it has had, as of now.
  const results = shown.content.experiment ? await experimentResults(db, shown.id, new Date()) : [];
  return (
    <>
      <BackLink href="/admin/cancel-flow" label="All flows" />
      <div className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 className="text-lg font-semibold">{flow.current.name}</h2>
        <span className="text-sm text-muted">
          {flow.isDefault ? "Default flow" : "Targeted flow"} · version {flow.current.version}
        </span>
      </div>
      {version !== undefined && !asked && (
        <p role="status" className="mb-4 rounded-lg border border-warn-line bg-warn-soft px-3 py-2 text-sm">
          This flow has no version {version}: the current version is shown.
        </p>
      )}
      {readOnly && (
        <p role="status" className="mb-4 rounded-lg border border-warn-line bg-warn-soft px-3 py-2 text-sm">
          Version {shown.version} of {flow.current.version}, read-only. Restore it from the history to make it the
          current version again.
        </p>
      )}
      <FlowEditor
        flowId={flow.id}
        isDefault={flow.isDefault}
        version={shown.version}
        newest={flow.current.version}
        snapshot={{ name: shown.name, targeting: shown.targeting, content: shown.content }}
        readOnly={readOnly}
        knownCodes={codes}
        currency={env().CURRENCY}
        experimentResults={results}
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(360px,440px)] xl:grid-cols-[minmax(0,1fr)_minmax(400px,540px)]">
        <FlowHistory
          flowId={flow.id}
          viewing={shown.version}
          versions={versions.map((v) => ({
            version: v.version,
            createdByName: v.createdByName ?? null,
            createdAt: v.createdAt.toISOString(),
            changes: v.changes,
          }))}
        />
        <div className="lg:self-start">
          <PreviewAsAccount flowId={flow.id} />
        </div>
      </div>
    </>
  );
}

function EditorSkeleton() {
  return (
    <div role="status" aria-label="Loading the cancel flow" className="grid gap-6 lg:grid-cols-[1fr_400px]">
      <div className="space-y-4">
        <Skeleton className="h-40" />
        <Skeleton className="h-64" />
      </div>
      <Skeleton className="h-96" />
    </div>
  );
}

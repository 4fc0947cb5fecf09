"use server";
// Admin: "Preview as account…" — a preview session on this flow for one account, in the admin's
// locale (or the flow's first, when the flow is for other locales). It is counted nowhere, sends no
// webhook and triggers nothing; the page opens it at /cancel/<token>.
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { localeMatches } from "@/db/queries/cancel-flow-match";
import { createPreviewSession, getCancelFlow } from "@/db/queries/cancel-flows";
import { type Refusal, action, actorOf } from "@/lib/actions/safe-action";
import { cancelSettings } from "@/lib/env";
import { readerLocale } from "@/lib/locale-server";
import { previewCancelFlowSchema } from "@/lib/validation/cancel-flow";
import { refusalOf } from "./refuse";
import { type CancelFlowRefusal, cancelFlowRefusal } from "./refusal-words";

/** This page's address, where the preview's last screen leads back to. */
async function editorUrl(flowId: string): Promise<string> {
  const h = await headers();
  const origin = h.get("origin") ?? cancelSettings().publicUrl ?? "http://localhost:3000";
  return `${origin.replace(/\/$/, "")}/admin/cancel-flow?flow=${encodeURIComponent(flowId)}`;
}

const preview = action("admin", previewCancelFlowSchema, async ({ flowId, accountExternalId }, user) => {
  const db = await getDb();
  const flow = await getCancelFlow(db, flowId);
  if (!flow) return refuse({ reason: "gone", flowId });
  const { locale: mine } = await readerLocale();
  const locales = flow.flow.current.targeting.locales;
  const locale = locales.length === 0 || localeMatches(locales, mine) ? mine : (locales[0] ?? mine);
  const made = await createPreviewSession(
    db,
    { flowId, accountExternalId, returnUrl: await editorUrl(flowId), locale },
    actorOf(user),
    { minutes: cancelSettings().minutes },
  );
  if (!made.ok)
    return refuse(
      made.reason === "unknown-account" ? { reason: "unknown-account", accountExternalId } : { reason: made.reason },
    );
  return { sessionId: made.session.id, url: `/cancel/${made.session.token}`, locale };
});

const refuse = (r: CancelFlowRefusal): Refusal => refusalOf(cancelFlowRefusal(r));

export async function previewCancelFlowAction(input: unknown) {
  return preview(input);
}

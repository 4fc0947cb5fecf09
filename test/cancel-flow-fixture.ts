// Cancel flows and sessions for database tests: a flow whose reasons cover every offer kind and
// both kinds of follow-up, flows written straight in with their targeting, and sessions started
// on them at a given time (the token returned, as the customer's link carries it).
import type { Db } from "@/db/client";
import { ensureDefaultFlow } from "@/db/queries/cancel-flow-match";
import { type CreatedCancelSession, createCancelSession } from "@/db/queries/cancel-sessions";
import { cancelFlowVersions, cancelFlows, cancelSessions } from "@/db/schema";
import type { CancelFlowContent, CancelFlowTargeting, CancelOfferShown } from "@/lib/types/cancel-flow";
import type { CancelSessionStatus } from "@/lib/values";
import { uniqueId } from "./factories";
import { type FixtureEvent, insertAccounts } from "./fixtures";

export const TALK_URL = "https://example.com/book-a-call";

/**
 * too_expensive → discount (no question); unused → pause up to 3 months (no question);
 * missing_features → a required question, then talk_to_us; switched_service → an optional question,
 * no offer; too_complex → downgrade (no question); something else → its words, no offer.
 */
export function testFlowContent(over: Partial<CancelFlowContent> = {}): CancelFlowContent {
  return {
    productName: "Acme",
    logoUrl: null,
    accentColor: "#4f46e5",
    showLoss: true,
    reasons: [
      {
        code: "too_expensive",
        label: "Too expensive",
        followUp: null,
        offer: { kind: "discount", percent: 25, months: 3 },
      },
      { code: "unused", label: "Not used enough", followUp: null, offer: { kind: "pause", maxMonths: 3 } },
      {
        code: "missing_features",
        label: "Missing something",
        followUp: { question: "What was missing?", required: true },
        offer: { kind: "talk_to_us", url: TALK_URL, label: "Book a call" },
      },
      {
        code: "switched_service",
        label: "Moving elsewhere",
        followUp: { question: "Which one?", required: false },
        offer: { kind: "none" },
      },
      {
        code: "too_complex",
        label: "Too hard",
        followUp: null,
        offer: { kind: "downgrade", plan: "Starter", priceCents: 1900 },
      },
    ],
    somethingElseOffer: { kind: "none" },
    texts: {
      lossHeading: "What you would lose",
      reasonHeading: "Why?",
      reasonIntro: "Tell us what we got wrong.",
      somethingElseLabel: "Something else",
      offerHeading: "Would this help?",
      confirmHeading: "Cancel?",
      confirmBody: "It ends at the close of the period.",
      cancelButton: "Cancel subscription",
      goodbyeHeading: "Cancelled",
      goodbyeData: "Your data stays 90 days.",
      goodbyeReturn: "Come back any time.",
      savedHeading: "Thank you",
      savedBody: "Done.",
    },
    ...over,
  };
}

/** The installation's default flow on the test content (made once per database). */
export const ensureTestDefaultFlow = (db: Db) =>
  ensureDefaultFlow(db, { name: "Test default", content: testFlowContent() }, new Date("2026-01-01T00:00:00Z"));

/** A flow written straight in, with its versions 1..`versions` (the newest named `<name> v<n>`). */
export async function insertFlow(
  db: Db,
  input: Partial<CancelFlowTargeting> & {
    name?: string;
    isDefault?: boolean;
    position?: number;
    archived?: boolean;
    versions?: number;
    content?: CancelFlowContent;
  },
): Promise<{ flowId: string; versionIds: string[] }> {
  const flowId = uniqueId("cf_test");
  const name = input.name ?? flowId;
  await db.insert(cancelFlows).values({
    id: flowId,
    isDefault: input.isDefault ?? false,
    position: input.position ?? 0,
    archivedAt: input.archived ? new Date("2026-01-02T00:00:00Z") : null,
  });
  const versionIds: string[] = [];
  for (let version = 1; version <= (input.versions ?? 1); version++) {
    const id = uniqueId("cfv_test");
    versionIds.push(id);
    await db.insert(cancelFlowVersions).values({
      id,
      flowId,
      version,
      name: `${name} v${version}`,
      segments: input.segments ?? [],
      plans: input.plans ?? [],
      locales: input.locales ?? [],
      content: input.content ?? testFlowContent(),
    });
  }
  return { flowId, versionIds };
}

/** A session on the matching flow, made at `now` (an hour to open it), by an API key or as a preview. */
export async function startSession(
  db: Db,
  accountExternalId: string,
  now: Date,
  options: { preview?: boolean; locale?: string; flowId?: string } = {},
): Promise<CreatedCancelSession> {
  const result = await createCancelSession(
    db,
    {
      accountExternalId,
      returnUrl: "https://app.example.com/billing",
      locale: options.locale ?? "en-US",
      flowId: options.flowId,
    },
    { preview: options.preview ?? false },
    { now, minutes: 60 },
  );
  if (!result.ok) throw new Error(`No session for ${accountExternalId}: ${result.reason}`);
  return result.session;
}

/** A session as a test writes it straight in: its account's events, status, variant and times. */
export interface SessionRow {
  status: CancelSessionStatus;
  variant?: string | null;
  created: string;
  opened?: string;
  ended?: string;
  events?: FixtureEvent[];
  preview?: boolean;
  /** The reason chosen; an experiment counts only the sessions that chose its reason. */
  reasonCode?: string;
  offer?: CancelOfferShown;
  offerAccepted?: boolean;
  /** The account's id; a new account (paying since June 2025) when left out. */
  accountId?: string;
}

/**
 * Writes each session straight in — on `flowVersionId`, or a new flow — each on a new account unless
 * it names one.
 */
export async function insertSessionRows(db: Db, rows: SessionRow[], flowVersionId?: string): Promise<void> {
  const versionId = flowVersionId ?? (await insertFlow(db, {})).versionIds[0] ?? "";
  for (const r of rows) {
    const accountId = r.accountId ?? uniqueId("cs-acct");
    if (!r.accountId)
      await insertAccounts(db, [
        { id: accountId, events: [["2025-06-01T00:00:00Z", "converted", 10_000], ...(r.events ?? [])] },
      ]);
    const created = new Date(r.created);
    await db.insert(cancelSessions).values({
      id: uniqueId("cs_row"),
      tokenHash: uniqueId("hash"),
      accountId,
      flowVersionId: versionId,
      status: r.status,
      variant: r.variant ?? null,
      locale: "en-US",
      returnUrl: "https://app.example.com/billing",
      step: r.status === "open" ? "reason" : "goodbye",
      preview: r.preview ?? false,
      reasonCode: r.reasonCode ?? null,
      offer: r.offer ?? null,
      offerAccepted: r.offerAccepted ?? false,
      createdAt: created,
      expiresAt: new Date(created.getTime() + 3_600_000),
      openedAt: r.opened ? new Date(r.opened) : r.status === "expired" ? null : created,
      endedAt: r.ended ? new Date(r.ended) : null,
    });
  }
}

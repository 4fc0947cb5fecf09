// The ingestion wire format of docs/api.md: one strict zod schema per item (unknown fields are
// rejected), shared by the API, the CSV import and the OpenAPI document. Each gives exactly the
// item type of lib/types/ingest.ts that the queries take (checked below at compile time).
import { z } from "zod";
import type { CheckedBatch, IngestItems, IngestResource, ItemError } from "@/lib/types/ingest";
import {
  CANCELLATION_OUTCOMES,
  CONTACT_ROLES,
  SAVE_OFFERS,
  SEGMENTS,
  SIGNAL_KINDS,
  SUBSCRIPTION_EVENT_TYPES,
} from "@/lib/values";
import { instant } from "./dates";
import { text } from "./text";

export const MAX_ITEMS = 5000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const externalId = text().trim().min(1, "must not be empty").max(200);
const accountRef = externalId.describe("externalId of an account sent before (accounts come first)");
const cents = z.number().int("must be whole cents").min(0, "must not be negative").max(2_000_000_000);

export const accountItem = z
  .strictObject({
    externalId,
    name: text().trim().min(1, "must not be empty").max(300),
    domain: text().trim().max(253).nullish(),
    plan: text().trim().min(1).max(100).nullish(),
    segment: z.enum(SEGMENTS, { message: `must be one of ${SEGMENTS.join(", ")}` }).nullish(),
    seatsPaid: z.number().int().min(0).max(10_000_000).nullish(),
    ownerEmail: text().trim().toLowerCase().max(254).email("must be an e-mail address").nullish(),
    trialEndsAt: instant().nullish(),
    renewsAt: instant().nullish(),
    contractMonths: z.number().int("must be whole months").min(1, "must be 1–120").max(120, "must be 1–120").nullish(),
    stripeSubscriptionId: text()
      .trim()
      .regex(/^sub_[A-Za-z0-9]{1,250}$/, "must be a Stripe subscription id (sub_…)")
      .nullish(),
  })
  .describe("An account, upserted by externalId; fields left out keep their stored value.");

export const contactItem = z
  .strictObject({
    accountExternalId: accountRef,
    email: text().trim().toLowerCase().max(254).email("must be an e-mail address"),
    name: text().trim().max(300).nullish(),
    role: z.enum(CONTACT_ROLES, { message: `must be one of ${CONTACT_ROLES.join(", ")}` }),
    leftAt: instant().nullish(),
  })
  .describe(
    "A person at the customer, upserted by account and e-mail; leftAt marks one who left the customer's company (null: back).",
  );

export const subscriptionEventItem = z
  .strictObject({
    accountExternalId: accountRef,
    occurredAt: instant(),
    type: z.enum(SUBSCRIPTION_EVENT_TYPES, { message: `must be one of ${SUBSCRIPTION_EVENT_TYPES.join(", ")}` }),
    mrrAfterCents: cents.optional(),
    externalId: externalId.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.mrrAfterCents === undefined && e.type !== "canceled" && e.type !== "trial_started") {
      ctx.addIssue({ code: "custom", path: ["mrrAfterCents"], message: `is required for ${e.type}` });
    }
  })
  .describe("A subscription event; one whose externalId was stored before is skipped.");

export const activityItem = z
  .strictObject({
    accountExternalId: accountRef,
    userRef: text().trim().min(1, "must not be empty").max(200),
    feature: text().trim().min(1, "must not be empty").max(200),
    occurredAt: instant(),
  })
  .describe("One product-usage event, stored in the daily rollups.");

export const signalItem = z
  .strictObject({
    accountExternalId: accountRef,
    kind: z.enum(SIGNAL_KINDS, { message: `must be one of ${SIGNAL_KINDS.join(", ")}` }),
    occurredAt: instant(),
    score: z.number().int().min(0, "must be 0–10").max(10, "must be 0–10").nullish(),
    comment: text().max(10_000).nullish(),
  })
  .superRefine((s, ctx) => {
    if (s.kind === "nps" && (s.score === undefined || s.score === null))
      ctx.addIssue({ code: "custom", path: ["score"], message: "is required for nps" });
  })
  .describe("A signal about an account: payments, tickets, NPS answers.");

export const cancellationItem = z
  .strictObject({
    accountExternalId: accountRef,
    submittedAt: instant(),
    reasonCode: text().regex(/^[a-z0-9_]{1,64}$/, "must be 1–64 characters of a–z, 0–9 and _"),
    freeText: text().max(20_000).nullish(),
    competitor: text().trim().max(200).nullish(),
    offerShown: z.enum(SAVE_OFFERS, { message: `must be one of ${SAVE_OFFERS.join(", ")}` }).nullish(),
    offerAccepted: z.boolean().nullish(),
    outcome: z.enum(CANCELLATION_OUTCOMES, { message: `must be one of ${CANCELLATION_OUTCOMES.join(", ")}` }),
    externalId: externalId.optional(),
  })
  .describe("One answer to the cancellation survey; one whose externalId was stored before is skipped.");

export const INGEST_RESOURCES = {
  accounts: accountItem,
  contacts: contactItem,
  "subscription-events": subscriptionEventItem,
  activity: activityItem,
  signals: signalItem,
  cancellations: cancellationItem,
} as const;
const SCHEMAS: { [R in IngestResource]: z.ZodType<IngestItems[R], unknown> } = INGEST_RESOURCES;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
/** Fails to compile when a schema's output and the item type the queries take drift apart. */
export type IngestSchemasMatchTypes = Holds<
  Same<{ [R in IngestResource]: z.infer<(typeof INGEST_RESOURCES)[R]> }, { [R in IngestResource]: IngestItems[R] }>
>;

export const batchEnvelope = z.strictObject({ items: z.array(z.unknown()) });

/** Checks each item against its schema: the checked item where it passes, every issue where not. */
export function checkItems<R extends IngestResource>(resource: R, raw: readonly unknown[]): CheckedBatch<R> {
  const schema = SCHEMAS[resource];
  const refused: ItemError[] = [];
  const items = raw.map((value, item) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      refused.push({ item, field: issue.path.join(".") || "(item)", message: issue.message });
    return undefined;
  });
  return { items, refused };
}

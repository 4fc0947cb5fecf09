// The ingestion items as the queries take them, once checked (lib/validation/ingest.ts holds the
// schemas and proves they give exactly these shapes), and what a write answers.
import type {
  CancellationOutcome,
  ContactRole,
  SaveOffer,
  Segment,
  SignalKind,
  SubscriptionEventType,
} from "@/lib/values";

export const INGEST_RESOURCE_NAMES = [
  "accounts",
  "contacts",
  "subscription-events",
  "activity",
  "signals",
  "cancellations",
] as const;
export type IngestResource = (typeof INGEST_RESOURCE_NAMES)[number];

export interface AccountItem {
  externalId: string;
  name: string;
  domain?: string | null | undefined;
  plan?: string | null | undefined;
  segment?: Segment | null | undefined;
  seatsPaid?: number | null | undefined;
  stripeSubscriptionId?: string | null | undefined;
  ownerEmail?: string | null | undefined;
  trialEndsAt?: Date | null | undefined;
  renewsAt?: Date | null | undefined;
  contractMonths?: number | null | undefined;
}

export interface ContactItem {
  accountExternalId: string;
  email: string;
  name?: string | null | undefined;
  role: ContactRole;
  leftAt?: Date | null | undefined;
}

export interface SubscriptionEventItem {
  accountExternalId: string;
  occurredAt: Date;
  type: SubscriptionEventType;
  mrrAfterCents?: number | undefined;
  externalId?: string | undefined;
}

export interface ActivityItem {
  accountExternalId: string;
  userRef: string;
  feature: string;
  occurredAt: Date;
}

export interface SignalItem {
  accountExternalId: string;
  kind: SignalKind;
  occurredAt: Date;
  score?: number | null | undefined;
  comment?: string | null | undefined;
}

export interface CancellationItem {
  accountExternalId: string;
  submittedAt: Date;
  reasonCode: string;
  freeText?: string | null | undefined;
  competitor?: string | null | undefined;
  offerShown?: SaveOffer | null | undefined;
  offerAccepted?: boolean | null | undefined;
  outcome: CancellationOutcome;
  externalId?: string | undefined;
}

export interface IngestItems {
  accounts: AccountItem;
  contacts: ContactItem;
  "subscription-events": SubscriptionEventItem;
  activity: ActivityItem;
  signals: SignalItem;
  cancellations: CancellationItem;
}

/** One problem with one item of a batch: its index, the field's path and what is wrong. */
export interface ItemError {
  item: number;
  field: string;
  message: string;
}

/**
 * A batch after the schema check: `items[i]` is the checked item, or undefined where the schema
 * refused it (then `refused` says why). The write checks the accounts and owners the items name.
 */
export interface CheckedBatch<R extends IngestResource> {
  items: (IngestItems[R] | undefined)[];
  refused: ItemError[];
}

export interface WriteResult {
  accepted: number;
  skipped: number;
}

export type IngestOutcome = ({ ok: true } & WriteResult) | { ok: false; errors: ItemError[] };

export interface ImportOutcome extends WriteResult {
  errors: ItemError[];
}

// Small builders for hand-written test fixtures, written straight into a test database.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { refreshDerived } from "@/db/queries/rollups";
import { accounts, cancellationResponses, reasonCodeDefaults, subscriptionEvents } from "@/db/schema";
import { z } from "zod";
import {
  CANCELLATION_OUTCOMES,
  type CancellationOutcome,
  SAVE_OFFERS,
  SEGMENTS,
  SUBSCRIPTION_EVENT_TYPES,
  type SaveOffer,
  type Segment,
  type SubscriptionEventType,
} from "@/lib/values";

export type FixtureEvent = [occurredAt: string, type: SubscriptionEventType, mrrAfterCents?: number];

export interface FixtureAccount {
  id: string;
  externalId?: string;
  name?: string;
  segment?: Segment;
  plan?: string;
  events: FixtureEvent[];
}

export async function insertAccounts(db: Db, list: FixtureAccount[]): Promise<void> {
  await db.insert(accounts).values(
    list.map((a) => ({
      id: a.id,
      externalId: a.externalId ?? a.id,
      name: a.name ?? a.id,
      segment: a.segment,
      plan: a.plan,
    })),
  );
  for (const a of list) await insertEvents(db, a.id, a.events, false);
  await refreshDerived(
    db,
    list.map((a) => a.id),
  );
}

/** Appends events to an account in the order given (its arrival order) and refreshes its rollups. */
export async function insertEvents(db: Db, accountId: string, events: FixtureEvent[], refresh = true): Promise<void> {
  if (events.length > 0) {
    await db.insert(subscriptionEvents).values(
      events.map(([occurredAt, type, mrr]) => ({
        accountId,
        occurredAt: new Date(occurredAt),
        type,
        mrrAfterCents: mrr ?? 0,
      })),
    );
  }
  if (refresh) await refreshDerived(db, [accountId]);
}

export interface FixtureResponse {
  accountId: string;
  submittedAt: string;
  reasonCode: string;
  offerShown?: SaveOffer;
  offerAccepted?: boolean;
  outcome: CancellationOutcome;
  freeText?: string;
}

/** Files each answer under its reason code's default category, as a new answer is. */
export async function insertResponses(db: Db, list: FixtureResponse[]): Promise<void> {
  const defaults = await db
    .select({ reasonCode: reasonCodeDefaults.reasonCode, categoryId: reasonCodeDefaults.categoryId })
    .from(reasonCodeDefaults);
  const categoryOf = new Map(defaults.map((d) => [d.reasonCode, d.categoryId]));
  await db.insert(cancellationResponses).values(
    list.map((r) => ({
      accountId: r.accountId,
      submittedAt: new Date(r.submittedAt),
      reasonCode: r.reasonCode,
      offerShown: r.offerShown ?? "none",
      offerAccepted: r.offerAccepted ?? false,
      outcome: r.outcome,
      freeText: r.freeText ?? null,
      categoryId: categoryOf.get(r.reasonCode) ?? "cat_uncategorized",
    })),
  );
}

/** Reads a JSON file of the seed-puzzle fixture (test/fixtures/seed-puzzle: the churn example of docs/metrics.md). */
export function seedPuzzle(file: string): unknown {
  const dir = path.resolve(import.meta.dirname, "fixtures/seed-puzzle");
  return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
}

/** A seed-puzzle file read through `shape`, so a test names the fields it uses without a cast. */
export function seedPuzzleAs<S extends z.ZodType>(file: string, shape: S): z.infer<S> {
  return shape.parse(seedPuzzle(file));
}

const puzzleAccounts = z.array(
  z.object({
    externalId: z.string(),
    name: z.string(),
    plan: z.string().optional(),
    segment: z.enum(SEGMENTS).optional(),
  }),
);
const puzzleEvents = z.array(
  z.object({
    accountExternalId: z.string(),
    occurredAt: z.string(),
    type: z.enum(SUBSCRIPTION_EVENT_TYPES),
    mrrAfterCents: z.number().optional(),
  }),
);
const puzzleResponses = z.array(
  z.object({
    accountExternalId: z.string(),
    submittedAt: z.string(),
    reasonCode: z.string(),
    offerShown: z.enum(SAVE_OFFERS).optional(),
    offerAccepted: z.boolean().optional(),
    outcome: z.enum(CANCELLATION_OUTCOMES),
    freeText: z.string().optional(),
  }),
);

/** Loads the seed puzzle (SPEC §3's example) with plan `puzzle`, so tests can filter on it. */
export async function loadSeedPuzzle(db: Db): Promise<void> {
  const list = seedPuzzleAs("accounts.json", puzzleAccounts);
  const events = seedPuzzleAs("subscription-events.json", puzzleEvents);
  const responses = seedPuzzleAs("cancellations.json", puzzleResponses);
  const id = (externalId: string) => `puzzle-${externalId}`;
  await insertAccounts(
    db,
    list.map((a) => ({
      id: id(a.externalId),
      externalId: a.externalId,
      name: a.name,
      segment: a.segment,
      plan: "puzzle",
      events: events
        .filter((e) => e.accountExternalId === a.externalId)
        .map((e): FixtureEvent => [e.occurredAt, e.type, e.mrrAfterCents ?? 0]),
    })),
  );
  await insertResponses(
    db,
    responses.map(({ accountExternalId, ...r }) => ({ ...r, accountId: id(accountExternalId) })),
  );
}

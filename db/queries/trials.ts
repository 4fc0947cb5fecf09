// Trials that have not converted and end within a week (or ended in the last week).
import { and, asc, between, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, users } from "@/db/schema";

const DAY = 86_400_000;

export async function trialsEndingSoon(db: Db, now: Date) {
  return db
    .select({
      externalId: accounts.externalId,
      name: accounts.name,
      segment: accounts.segment,
      plan: accounts.plan,
      seatsPaid: accounts.seatsPaid,
      trialEndsAt: accounts.trialEndsAt,
      ownerName: users.name,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(
      and(
        eq(accounts.status, "trial"),
        between(accounts.trialEndsAt, new Date(now.getTime() - 7 * DAY), new Date(now.getTime() + 7 * DAY)),
      ),
    )
    .orderBy(asc(accounts.trialEndsAt))
    .limit(100);
}

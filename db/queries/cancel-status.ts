// A cancel session's status as of an instant: one that had not ended by then was open. The reasons
// report, the watchlist and the drill-through all count sessions this way.
import { type SQL, sql } from "drizzle-orm";
import { cancelSessions as cs } from "@/db/schema";
import type { CancelSessionStatus } from "@/lib/values";

/** Whether the session had ended by `asOf` (an ISO instant). */
export const endedBySql = (asOf: string): SQL<boolean> =>
  sql<boolean>`(${cs.endedAt} is not null and ${cs.endedAt} <= ${asOf}::timestamptz)`;

/** The session's status as of `asOf`. */
export const statusAsOfSql = (asOf: string): SQL<CancelSessionStatus> =>
  sql<CancelSessionStatus>`case when ${endedBySql(asOf)} then ${cs.status}::text else 'open' end`;

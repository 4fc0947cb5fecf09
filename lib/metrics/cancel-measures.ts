// The cancel flow's measures (SPEC §5 and §7; docs/metrics.md): sessions by status, the deflection
// rate, and the save rate of each experiment variant with its 95 % Wilson interval, from sessions
// grouped by the database. A save is judged 30 days after it was made, as in the reasons report.
import { ratio } from "./churn";
import { wilsonInterval } from "./wilson";
import type { CancelSessionStatus } from "@/lib/values";

/** One group of sessions: same status (as of `asOf`), flow version, variant and save state. */
export interface SessionGroup {
  status: CancelSessionStatus;
  flowVersion: number;
  /** null: the flow version ran no experiment. */
  variant: string | null;
  /** For saved sessions: held 30 days, lost within them, or pending (30 days not yet over); else null. */
  saveState: "saved" | "lost" | "pending" | null;
  sessions: number;
}

export interface VariantMeasure {
  flowVersion: number;
  variant: string;
  /** Sessions of this variant that ended saved or canceled (open, abandoned and expired ones chose nothing). */
  sessions: number;
  /** Saves that held 30 days. */
  saved: number;
  /** Saves whose 30 days are not over: in neither the numerator nor the denominator yet. */
  pending: number;
  /** saved ÷ (sessions − pending); null when nothing is judged yet. */
  saveRate: number | null;
  /** The 95 % Wilson interval of saveRate; null with it. */
  low: number | null;
  high: number | null;
}

export interface CancelMeasures {
  sessions: Record<CancelSessionStatus, number>;
  /** saved ÷ (saved + canceled), by the sessions' status; null when none has ended either way. */
  deflectionRate: number | null;
  byVariant: VariantMeasure[];
}

export function cancelMeasures(groups: readonly SessionGroup[]): CancelMeasures {
  const sessions: Record<CancelSessionStatus, number> = { open: 0, saved: 0, canceled: 0, abandoned: 0, expired: 0 };
  const variants = new Map<
    string,
    { flowVersion: number; variant: string; sessions: number; saved: number; pending: number }
  >();
  for (const g of groups) {
    sessions[g.status] += g.sessions;
    if (g.variant === null || (g.status !== "saved" && g.status !== "canceled")) continue;
    const key = `${g.flowVersion}|${g.variant}`;
    const v = variants.get(key) ?? {
      flowVersion: g.flowVersion,
      variant: g.variant,
      sessions: 0,
      saved: 0,
      pending: 0,
    };
    v.sessions += g.sessions;
    if (g.status === "saved" && g.saveState === "saved") v.saved += g.sessions;
    if (g.status === "saved" && g.saveState === "pending") v.pending += g.sessions;
    variants.set(key, v);
  }
  const byVariant = [...variants.values()]
    .sort((a, b) => b.flowVersion - a.flowVersion || a.variant.localeCompare(b.variant))
    .map((v) => {
      const judged = v.sessions - v.pending;
      const interval = wilsonInterval(v.saved, judged);
      return { ...v, saveRate: ratio(v.saved, judged), low: interval?.low ?? null, high: interval?.high ?? null };
    });
  return { sessions, deflectionRate: ratio(sessions.saved, sessions.saved + sessions.canceled), byVariant };
}

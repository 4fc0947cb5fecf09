// The cancel flow's measures (SPEC §5 and §7; docs/metrics.md): sessions by status, the deflection
// rate, and the save rate of each experiment variant with its 95 % Wilson interval, from sessions
// grouped by the database. A save is judged 30 days after it was made, as in the reasons report.
import { ratio } from "./churn";
import { slotOffer } from "./experiment";
import type { ReasonsReport } from "./reasons";
import { wilsonInterval } from "./wilson";
import type { CancelFlowContent, CancelOffer } from "@/lib/types/cancel-flow";
import type { CancelSessionStatus } from "@/lib/values";

/** One group of sessions: same status (as of `asOf`), flow version, variant and save state. */
export interface SessionGroup {
  status: CancelSessionStatus;
  /** The flow version's id; versions of different flows share numbers. */
  flowVersionId: string;
  flowVersion: number;
  /** null: the flow version ran no experiment. */
  variant: string | null;
  /** For saved sessions: held 30 days, lost within them, or pending (30 days not yet over); else null. */
  saveState: "saved" | "lost" | "pending" | null;
  sessions: number;
}

/** A flow version that ran an experiment, as the variants' rows name it. */
export interface ExperimentVersion {
  flowId: string;
  flowName: string;
  content: CancelFlowContent;
}

export interface VariantMeasure {
  flowId: string;
  flowName: string;
  flowVersionId: string;
  /** The version's number within its flow. */
  flowVersion: number;
  variant: string;
  /** The experiment's slot: a reason code, or `other` for "something else". */
  reasonCode: string | null;
  /** The offer this variant showed in that slot. */
  offer: CancelOffer | null;
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

/** The reasons report (SPEC §5) with the cancel flow's measures (§7), as the read API answers it. */
export type ReasonsWithSessions = ReasonsReport &
  CancelMeasures & {
    /** Accounts on the watchlist as of asOf. */
    watchlistAccounts: number;
  };

/**
 * The measures of `groups`; `versions` (by flow version id) name each variant's flow and the offer
 * it showed — a version missing from it leaves those empty.
 */
export function cancelMeasures(
  groups: readonly SessionGroup[],
  versions: ReadonlyMap<string, ExperimentVersion> = new Map(),
): CancelMeasures {
  const sessions: Record<CancelSessionStatus, number> = { open: 0, saved: 0, canceled: 0, abandoned: 0, expired: 0 };
  const variants = new Map<string, Omit<VariantMeasure, "saveRate" | "low" | "high">>();
  for (const g of groups) {
    sessions[g.status] += g.sessions;
    if (g.variant === null || (g.status !== "saved" && g.status !== "canceled")) continue;
    const key = `${g.flowVersionId}|${g.variant}`;
    const version = versions.get(g.flowVersionId);
    const v = variants.get(key) ?? {
      flowId: version?.flowId ?? "",
      flowName: version?.flowName ?? "",
      flowVersionId: g.flowVersionId,
      flowVersion: g.flowVersion,
      variant: g.variant,
      reasonCode: version?.content.experiment?.reasonCode ?? null,
      offer: version ? slotOffer(version.content, g.variant) : null,
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
    .sort(
      (a, b) =>
        a.flowName.localeCompare(b.flowName) ||
        a.flowId.localeCompare(b.flowId) ||
        b.flowVersion - a.flowVersion ||
        a.variant.localeCompare(b.variant),
    )
    .map((v) => {
      const judged = v.sessions - v.pending;
      const interval = wilsonInterval(v.saved, judged);
      return { ...v, saveRate: ratio(v.saved, judged), low: interval?.low ?? null, high: interval?.high ?? null };
    });
  return { sessions, deflectionRate: ratio(sessions.saved, sessions.saved + sessions.canceled), byVariant };
}

// The demo data set: a SaaS business over 30 months, deterministic per seed and anchor day.
import { responseExternalId } from "@/db/queries/cancel-session-load";
import { Rng } from "./random";
import { DEFAULT_HEALTH_SETTINGS } from "@/lib/metrics/health";
import { FEATURES, accountIdOf, activityFor, signalsFor } from "./behaviour";
import { demoAlertRules } from "./alert-rules";
import { demoFlows } from "./flows";
import { demoSessions } from "./sessions";
import { type BusinessShape, simulate } from "./simulate";
import { addMonths, dayStart, monthStart } from "./time";
import type { Dataset, UserRow } from "./types";

export interface DemoOptions {
  seed: number;
  /** The day the data set ends (exclusive); default today. Same seed and anchor → same rows. */
  anchor?: Date;
  accounts?: number;
  /** Months of daily activity kept before the anchor (older activity is not generated). */
  activityMonths?: number;
  shape?: BusinessShape;
  /** Cancel flows, and six months of cancel sessions before the anchor. */
  cancelFlow?: boolean;
  /** The demo's alert rules. */
  alerts?: boolean;
}

export const DEMO_USERS: readonly UserRow[] = [
  {
    id: "usr_demo_admin",
    email: "admin@holdfast.local",
    name: "Ada Admin",
    role: "admin",
    password: "holdfast-admin",
    passwordHash: "",
  },
  {
    id: "usr_demo_manager",
    email: "manager@holdfast.local",
    name: "Max Manager",
    role: "manager",
    password: "holdfast-manager",
    passwordHash: "",
  },
  {
    id: "usr_demo_cs",
    email: "cs@holdfast.local",
    name: "Casey Success",
    role: "cs",
    password: "holdfast-cs",
    passwordHash: "",
  },
];

export function generateDemo(options: DemoOptions): Dataset {
  const anchor = dayStart((options.anchor ?? new Date()).getTime());
  const rng = new Rng(options.seed);
  const flows = options.cancelFlow ? demoFlows(anchor) : null;
  const sim = simulate(
    rng.fork("business"),
    options.accounts ?? 2000,
    anchor,
    options.shape,
    flows ? (segment, at) => flows.versionAt(segment, at)?.content ?? null : undefined,
  );
  const cancel = flows ? demoSessions(rng.fork("sessions"), sim.accounts, flows, anchor) : null;
  const behaviour = rng.fork("behaviour");
  const owners = rng.fork("owners");
  const activityFrom = addMonths(monthStart(anchor), -(options.activityMonths ?? 5));
  const created = new Date(sim.start);

  const data: Dataset = {
    anchor: new Date(anchor),
    // The six features the product is bought for; "sharing" and "api" are extras.
    health: { ...DEFAULT_HEALTH_SETTINGS, keyFeatures: FEATURES.slice(0, 6) },
    users: DEMO_USERS.map((u) => ({ ...u, createdAt: created, updatedAt: created })),
    accounts: [],
    events: [],
    signals: [],
    responses: [],
    userMonths: [],
    featureMonths: [],
    cancelFlows: flows?.flows ?? [],
    cancelFlowVersions: (flows?.versions ?? []).map(({ segments, ...v }) => ({
      ...v,
      segments,
      plans: [],
      locales: [],
      createdBy: "usr_demo_admin",
    })),
    cancelSessions: cancel?.sessions ?? [],
    alertRules: options.alerts ? demoAlertRules(created) : [],
  };

  for (const acc of sim.accounts) {
    const accountId = accountIdOf(acc);
    const events = acc.events.filter((e) => e.at < anchor);
    const ownerRoll = owners.next();
    const ownerId =
      acc.segment === "smb"
        ? ownerRoll < 0.1
          ? "usr_demo_cs"
          : null
        : ownerRoll < 0.65
          ? "usr_demo_cs"
          : ownerRoll < 0.9
            ? "usr_demo_manager"
            : null;
    const last = events[events.length - 1];
    data.accounts.push({
      id: accountId,
      externalId: acc.externalId,
      name: acc.name,
      domain: acc.domain,
      plan: acc.plan,
      segment: acc.segment,
      seatsPaid: acc.seats,
      ownerId,
      trialEndsAt: acc.trialEndsAt === null ? null : new Date(acc.trialEndsAt),
      createdAt: new Date(acc.arrival),
      updatedAt: new Date(last ? last.at : acc.arrival),
    });
    events.forEach((e, i) => {
      const occurredAt = new Date(e.at);
      data.events.push({
        accountId,
        externalId: `evt_${acc.externalId.slice(4)}_${i + 1}`,
        occurredAt,
        type: e.type,
        mrrAfterCents: e.type === "canceled" || e.type === "trial_started" ? 0 : e.mrr,
        receivedAt: occurredAt,
      });
    });
    acc.responses
      .filter((r) => r.at < anchor)
      .forEach((r, i) => {
        const submittedAt = new Date(r.at);
        const sessionId = cancel?.sessionOf.get(r);
        data.responses.push({
          accountId,
          externalId: sessionId ? responseExternalId(sessionId) : `cxl_${acc.externalId.slice(4)}_${i + 1}`,
          submittedAt,
          reasonCode: r.reasonCode,
          freeText: r.freeText,
          competitor: r.competitor,
          offerShown: r.offerShown,
          offerAccepted: r.offerAccepted,
          outcome: r.outcome,
          receivedAt: submittedAt,
        });
      });
    data.signals.push(...signalsFor(behaviour, acc, sim.start, anchor));
    if (events.length > 0) {
      const { users, features } = activityFor(
        behaviour,
        acc,
        Math.max(activityFrom, dayStart(acc.arrival)),
        anchor,
        options.shape?.maxTeam,
      );
      data.userMonths.push(...users);
      data.featureMonths.push(...features);
    }
  }
  return data;
}

// The demo's cancel sessions, made from what the simulated customers did: every answer given in the
// cancel flow becomes a session ended at its submittedAt (saved or canceled, on the version live
// then), and some active customers open the page and leave (abandoned) or never open the link
// (expired), writing no answer.
import crypto from "node:crypto";
import { offerShown, reasonOf } from "@/db/queries/cancel-session-load";
import { contentForVariant } from "@/lib/metrics/experiment";
import { stateAfter } from "@/lib/metrics/state";
import { type Variant, variantFor } from "@/lib/metrics/variant";
import type { CancelFlowContent, CancelOffer } from "@/lib/types/cancel-flow";
import { type CancelStep, NO_ANSWER_REASON, SOMETHING_ELSE_REASON } from "@/lib/values";
import type { DemoFlowVersion, DemoFlows } from "./flows";
import type { Rng } from "./random";
import type { SimAccount, SimResponse } from "./sim-account";
import { accountIdOf } from "./behaviour";
import { DAY, HOUR } from "./time";
import type { SessionRow } from "./types";

const MINUTE = 60_000;
const RETURN_URL = "https://app.example.com/account";
/** The link's first opening must come within this (CANCEL_SESSION_MINUTES' default). */
const LINK_MINUTES = 60;
/** Sessions that end without an answer, as shares of the sessions that end with one. */
const ABANDONED_SHARE = 0.18;
const EXPIRED_SHARE = 0.12;

export interface DemoSessions {
  sessions: SessionRow[];
  /** The session each answer given in the flow came from. */
  sessionOf: Map<SimResponse, string>;
}

function stepsTo(content: CancelFlowContent, reasonCode: string, offer: CancelOffer, canceled: boolean): CancelStep[] {
  const steps: CancelStep[] = content.showLoss ? ["loss", "reason"] : ["reason"];
  if (reasonCode === SOMETHING_ELSE_REASON || reasonOf(content, reasonCode)?.followUp) steps.push("follow_up");
  if (offer.kind !== "none") steps.push("offer");
  if (canceled) steps.push("confirm");
  return steps;
}

function activeAt(acc: SimAccount, t: number): boolean {
  let state = "none";
  for (const e of acc.events) {
    if (e.at >= t) break;
    state = stateAfter(e.type);
  }
  return state === "active";
}

export function demoSessions(
  rng: Rng,
  accounts: readonly SimAccount[],
  flows: DemoFlows,
  anchor: number,
): DemoSessions {
  const sessions: SessionRow[] = [];
  const sessionOf = new Map<SimResponse, string>();
  const busy = new Map<SimAccount, number[]>();
  const start = (acc: SimAccount, version: DemoFlowVersion, createdAt: number, wanted: Variant | null = null) => {
    busy.set(acc, [...(busy.get(acc) ?? []), createdAt]);
    // On a version with an experiment the variant is the hash of the session's id, as in the app; an
    // answer that met a variant's offer gets an id that hashes to that variant (a suffix, no new draw).
    const experiment = version.content.experiment;
    const base = `cs_${rng.token(24)}`;
    let id = base;
    for (let k = 0; experiment && wanted && variantFor(id, experiment.shareB) !== wanted; k++) id = `${base}${k}`;
    return {
      id,
      variant: experiment ? variantFor(id, experiment.shareB) : null,
      tokenHash: crypto.createHash("sha256").update(rng.token(32)).digest("hex"),
      accountId: accountIdOf(acc),
      flowVersionId: version.id,
      locale: rng.weighted({ "en-US": 86, "de-DE": 8, "fr-FR": 6 }),
      returnUrl: RETURN_URL,
      userRef: "u001",
      email: null,
      preview: false,
      createdAt: new Date(createdAt),
      expiresAt: new Date(createdAt + LINK_MINUTES * MINUTE),
    };
  };

  for (const acc of accounts) {
    for (const r of acc.responses) {
      const version = r.flowOffer && r.at < anchor ? flows.versionAt(acc.segment, r.at) : null;
      if (!r.flowOffer || !version) continue;
      const opened = r.at - Math.floor(rng.float(0.6, 9) * MINUTE);
      const session = start(acc, version, opened - rng.int(3, 40) * 1000, r.variant);
      const canceled = r.outcome === "canceled";
      const content = version.content;
      const stepsSeen: CancelStep[] =
        r.reasonCode === NO_ANSWER_REASON
          ? [...stepsTo(content, r.reasonCode, r.flowOffer, false).slice(0, rng.int(1, 2)), "goodbye"]
          : [...stepsTo(content, r.reasonCode, r.flowOffer, canceled), "goodbye"];
      const shown = r.flowOffer.kind === "none" ? null : offerShown(r.flowOffer, r.pauseMonths ?? undefined);
      sessions.push({
        ...session,
        status: canceled ? "canceled" : "saved",
        step: "goodbye",
        stepsSeen,
        reasonCode: r.reasonCode,
        freeText: r.freeText,
        offer: shown,
        offerAccepted: r.offerAccepted,
        openedAt: new Date(opened),
        endedAt: new Date(r.at),
      });
      sessionOf.set(r, session.id);
    }
  }

  // Customers who opened the page and went back to work, or never opened the link.
  const finished = sessions.length;
  const times = (n: number, status: "abandoned" | "expired") => Array.from({ length: n }, () => status);
  const quiet = [
    ...times(Math.round(finished * ABANDONED_SHARE), "abandoned"),
    ...times(Math.round(finished * EXPIRED_SHARE), "expired"),
  ];
  for (const status of quiet) {
    const t = Math.floor(rng.float(flows.from, anchor - 26 * HOUR) / 1000) * 1000;
    let acc: SimAccount | null = null;
    for (let tries = 0; tries < 200 && acc === null; tries++) {
      const candidate = rng.pick(accounts);
      const near = (busy.get(candidate) ?? []).some((s) => Math.abs(s - t) < 3 * DAY);
      if (!near && activeAt(candidate, t)) acc = candidate;
    }
    const version = acc ? flows.versionAt(acc.segment, t) : null;
    if (!acc || !version) continue;
    const session = start(acc, version, t);
    // What this session's variant shows (the experiment's slot offers B's offer to B).
    const content = contentForVariant(version.content, session.variant);
    const first: CancelStep = content.showLoss ? "loss" : "reason";
    if (status === "expired") {
      sessions.push({
        ...session,
        status,
        step: first,
        stepsSeen: [],
        offerAccepted: false,
        endedAt: new Date(session.expiresAt.getTime() + rng.int(1, 15) * MINUTE),
      });
      continue;
    }
    const opened = t + rng.int(5, 90) * 1000;
    // Some leave on the first step, some on the reasons, some after reading the offer.
    const depth = rng.weighted({ first: 4, reasons: 3, offer: 2 });
    const offered = content.reasons.filter((x) => x.offer.kind !== "none");
    const picked = depth === "offer" && offered.length > 0 ? rng.pick(offered) : null;
    const stepsSeen = picked
      ? stepsTo(content, picked.code, picked.offer, false)
      : depth === "reasons" && content.showLoss
        ? (["loss", "reason"] satisfies CancelStep[])
        : [first];
    sessions.push({
      ...session,
      status,
      step: stepsSeen[stepsSeen.length - 1] ?? first,
      stepsSeen,
      reasonCode: picked?.code ?? null,
      offer: picked ? offerShown(picked.offer) : null,
      offerAccepted: false,
      openedAt: new Date(opened),
      endedAt: new Date(opened + 24 * HOUR + rng.int(1, 15) * MINUTE),
    });
  }
  sessions.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
  return { sessions, sessionOf };
}

// The health score on hand-computed inputs: each component, the weights scaling up when a
// component has no data, and the reasons in words.
import { describe, expect, it } from "vitest";
import { type HealthInputs, type HealthSettings, computeHealth, visitWords } from "./health";

const asOf = new Date("2026-11-26T12:00:00Z");
const settings: HealthSettings = {
  weights: { depth: 0.2, breadth: 0.15, trend: 0.25, billing: 0.15, intent: 0.15, voice: 0.1 },
  keyFeatures: ["a", "b", "c", "d", "e", "f"],
  threshold: 50,
};
const healthy: HealthInputs = {
  everActive: true,
  seatsPaid: 10,
  activeUsersLast: 10,
  activeUsersPrevious: 10,
  keyFeaturesUsed: 6,
  unrecoveredFailedPayments: 0,
  latestResponse: null,
  latestNps: { score: 10, at: new Date("2026-11-02T09:00:00Z") },
};
const value = (inputs: HealthInputs, name: string, s = settings) =>
  computeHealth(inputs, s, asOf).components.find((c) => c.name === name)?.value;

describe("health components", () => {
  it("depth = active users ÷ seats paid, capped at 1, left out without seats", () => {
    expect(value({ ...healthy, activeUsersLast: 4 }, "depth")).toBe(0.4);
    expect(value({ ...healthy, activeUsersLast: 14 }, "depth")).toBe(1);
    expect(value({ ...healthy, seatsPaid: null }, "depth")).toBeUndefined();
  });

  it("breadth = key features used ÷ key features, left out when none are set", () => {
    expect(value({ ...healthy, keyFeaturesUsed: 1 }, "breadth")).toBeCloseTo(1 / 6, 12);
    expect(value(healthy, "breadth", { ...settings, keyFeatures: [] })).toBeUndefined();
  });

  it("trend: last ÷ previous, 1 when only the earlier window is empty, 0 when both are", () => {
    expect(value({ ...healthy, activeUsersLast: 4, activeUsersPrevious: 11 }, "trend")).toBeCloseTo(4 / 11, 12);
    expect(value({ ...healthy, activeUsersLast: 3, activeUsersPrevious: 0 }, "trend")).toBe(1);
    expect(value({ ...healthy, activeUsersLast: 0, activeUsersPrevious: 0 }, "trend")).toBe(0);
    expect(value({ ...healthy, activeUsersLast: 12, activeUsersPrevious: 10 }, "trend")).toBe(1);
  });

  it("billing: 1, 0.5 with one unrecovered failed payment, 0 with more", () => {
    expect(value(healthy, "billing")).toBe(1);
    expect(value({ ...healthy, unrecoveredFailedPayments: 1 }, "billing")).toBe(0.5);
    expect(value({ ...healthy, unrecoveredFailedPayments: 2 }, "billing")).toBe(0);
  });

  it("intent: 0 with any survey answer in 90 days, even a saved one", () => {
    const saved = {
      submittedAt: new Date("2026-11-14T10:00:00Z"),
      offerShown: "pause",
      offerAccepted: true,
      outcome: "paused",
    };
    expect(value(healthy, "intent")).toBe(1);
    expect(value({ ...healthy, latestResponse: saved }, "intent")).toBe(0);
  });

  it("intent: 0 with a visit to the cancel page in 30 days, its reason in words", () => {
    const visit = {
      openedAt: new Date("2026-11-03T15:00:00Z"),
      status: "saved" as const,
      offer: { kind: "pause" as const, months: 2 },
      offerAccepted: true,
      visits: 1,
    };
    const r = computeHealth({ ...healthy, latestVisit: visit }, settings, asOf);
    expect(r.components.find((c) => c.name === "intent")?.value).toBe(0);
    expect(r.reasons).toContain("Opened the cancel page on 3 Nov and took the pause offer");
    // The visit's words win over the survey answer the same session wrote.
    const answer = { submittedAt: visit.openedAt, offerShown: "pause", offerAccepted: true, outcome: "paused" };
    expect(computeHealth({ ...healthy, latestVisit: visit, latestResponse: answer }, settings, asOf).reasons).toContain(
      "Opened the cancel page on 3 Nov and took the pause offer",
    );
  });

  it("words each way a visit stood", () => {
    const at = new Date("2026-11-20T08:00:00Z");
    const base = { openedAt: at, offer: null, offerAccepted: false, visits: 1 };
    const discount = { kind: "discount" as const, percent: 25, months: 3 };
    expect(visitWords({ ...base, status: "open" })).toBe("Opened the cancel page on 20 Nov and has not finished");
    expect(visitWords({ ...base, status: "abandoned" })).toBe(
      "Opened the cancel page on 20 Nov and left without choosing",
    );
    expect(visitWords({ ...base, status: "canceled", offer: discount })).toBe(
      "Opened the cancel page on 20 Nov and turned down the discount offer, then chose to cancel",
    );
    expect(visitWords({ ...base, status: "saved", offer: discount, offerAccepted: true, visits: 3 })).toBe(
      "Opened the cancel page 3 times in 30 days, last on 20 Nov, and took the discount offer",
    );
  });

  it("voice = latest NPS ÷ 10, left out without one", () => {
    expect(value({ ...healthy, latestNps: { score: 3, at: asOf } }, "voice")).toBe(0.3);
    expect(value({ ...healthy, latestNps: null }, "voice")).toBeUndefined();
  });
});

describe("an account that never sent activity", () => {
  // Billing data only: depth, breadth and trend are left out, not 0. With billing 1, intent 1 and
  // no NPS the score is 100 × (.15×1 + .15×1) ÷ (.15 + .15) = 100, and nothing is a reason.
  const billingOnly: HealthInputs = {
    ...healthy,
    everActive: false,
    activeUsersLast: 0,
    activeUsersPrevious: 0,
    keyFeaturesUsed: 0,
    latestNps: null,
  };

  it("has no depth, breadth or trend, and scores on the rest", () => {
    const r = computeHealth(billingOnly, settings, asOf);
    expect(r.components.map((c) => c.name)).toEqual(["billing", "intent"]);
    expect(r.score).toBe(100);
    expect(r.reasons).toEqual([]);
  });

  it("scores 0 on them once its activity has stopped", () => {
    // Same inputs but it was active once: depth 0/10, breadth 0/6, trend 0 (both windows empty).
    const r = computeHealth({ ...billingOnly, everActive: true }, settings, asOf);
    expect(["depth", "breadth", "trend"].map((n) => r.components.find((c) => c.name === n)?.value)).toEqual([0, 0, 0]);
    // (.15×1 + .15×1) ÷ (.2 + .15 + .25 + .15 + .15) = .3 ÷ .9 → 33.33…
    expect(r.score).toBeCloseTo(100 / 3, 10);
    expect(r.reasons).toContain("No active users in the last 56 days");
  });
});

describe("health score", () => {
  it("is 100 × the weighted mean", () => {
    // depth 4/10 = .4, breadth 1/6, trend 4/11, billing .5, intent 1, voice .3; weights sum to 1:
    // .2×.4 + .15×(1/6) + .25×(4/11) + .15×.5 + .15×1 + .1×.3 = .08 + .025 + .0909… + .075 + .15 + .03 = .450909…
    const r = computeHealth(
      {
        ...healthy,
        activeUsersLast: 4,
        activeUsersPrevious: 11,
        keyFeaturesUsed: 1,
        unrecoveredFailedPayments: 1,
        latestNps: { score: 3, at: asOf },
      },
      settings,
      asOf,
    );
    expect(r.score).toBeCloseTo(100 * (0.08 + 0.025 + 0.25 * (4 / 11) + 0.075 + 0.15 + 0.03), 9);
    expect(r.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
  });

  it("scales the other weights up when a component has no data", () => {
    // No NPS and no seats: depth (.2) and voice (.1) drop out; breadth .15, trend .25, billing .15,
    // intent .15 over a total of .7. All 1 except trend 0.5: (.15 + .125 + .15 + .15) ÷ .7 = .8214…
    const r = computeHealth({ ...healthy, seatsPaid: null, latestNps: null, activeUsersLast: 5 }, settings, asOf);
    expect(r.components.map((c) => c.name)).toEqual(["breadth", "trend", "billing", "intent"]);
    expect(r.components.find((c) => c.name === "trend")?.weight).toBeCloseTo(0.25 / 0.7, 12);
    expect(r.score).toBeCloseTo((100 * 0.575) / 0.7, 9);
  });

  it("one quiet person in a busy team is not a risk; the whole team going quiet is", () => {
    // Team of 10 on 10 seats: one goes quiet → depth .9, trend .9: .2×.9+.15+.25×.9+.15+.15+.1 = .955.
    const onePerson = computeHealth({ ...healthy, activeUsersLast: 9 }, settings, asOf);
    expect(onePerson.score).toBeCloseTo(95.5, 9);
    expect(onePerson.reasons).toEqual([]);
    // Whole team quiet: depth 0, trend 0: .15 + .15 + .15 + .1 = .55 … and below 50 once the
    // usual companion of a silent team, an unanswered failed payment, is there: .55 − .075 = .475.
    const team = computeHealth({ ...healthy, activeUsersLast: 0, unrecoveredFailedPayments: 1 }, settings, asOf);
    expect(team.score).toBeCloseTo(47.5, 9);
    expect(team.reasons[0]).toBe("Active users down 100 % over 28 days (10 → 0)");
  });

  it("gives its reasons in words, the largest loss first", () => {
    const r = computeHealth(
      {
        ...healthy,
        seatsPaid: 20,
        activeUsersLast: 4,
        activeUsersPrevious: 11,
        keyFeaturesUsed: 1,
        unrecoveredFailedPayments: 2,
        latestResponse: {
          submittedAt: new Date("2026-11-14T10:00:00Z"),
          offerShown: "pause",
          offerAccepted: true,
          outcome: "paused",
        },
        latestNps: { score: 3, at: new Date("2026-11-02T09:00:00Z") },
      },
      settings,
      asOf,
    );
    // Losses: depth .2×(1−.2) = .16, trend .25×(1−4/11) = .159, intent .15, billing .15,
    // breadth .15×(5/6) = .125, voice .1×.7 = .07. intent and billing tie: kept in component order.
    expect(r.reasons).toEqual([
      "4 of 20 paid seats active in the last 28 days",
      "Active users down 64 % over 28 days (11 → 4)",
      "2 failed payments not recovered",
      "Opened the cancel survey 12 days ago and took the pause offer",
      "Uses 1 of 6 key features",
      "NPS 3 on 2 Nov",
    ]);
  });
});

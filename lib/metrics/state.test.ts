import { describe, expect, it } from "vitest";
import { type StateEvent, customersAndMrrAt, stateAt } from "./state";

const t = (iso: string) => new Date(iso);
const ev = (iso: string, type: StateEvent["type"], mrrAfterCents = 0): StateEvent => ({
  occurredAt: t(iso),
  type,
  mrrAfterCents,
});

describe("stateAt (SPEC §3 state rules)", () => {
  const events = [
    ev("2024-01-10T00:00:00Z", "trial_started", 999),
    ev("2024-01-20T00:00:00Z", "converted", 10000),
    ev("2024-02-05T00:00:00Z", "expansion", 15000),
    ev("2024-03-01T00:00:00Z", "paused", 0),
    ev("2024-04-01T00:00:00Z", "resumed", 15000),
    ev("2024-05-01T00:00:00Z", "canceled", 15000),
  ];

  it("has no state before the first event", () => {
    expect(stateAt(events, t("2024-01-01T00:00:00Z"))).toEqual({ state: "none", mrrCents: 0 });
  });

  it("ignores the amount sent on trial_started and canceled", () => {
    expect(stateAt(events, t("2024-01-15T00:00:00Z"))).toEqual({ state: "trial", mrrCents: 0 });
    expect(stateAt(events, t("2024-06-01T00:00:00Z"))).toEqual({ state: "canceled", mrrCents: 0 });
  });

  it("uses only events strictly before the instant", () => {
    // At exactly the conversion instant the account is still in trial.
    expect(stateAt(events, t("2024-01-20T00:00:00Z")).state).toBe("trial");
    expect(stateAt(events, t("2024-01-20T00:00:00.001Z"))).toEqual({ state: "active", mrrCents: 10000 });
  });

  it("counts a paused account at its paused amount", () => {
    expect(stateAt(events, t("2024-03-15T00:00:00Z"))).toEqual({ state: "paused", mrrCents: 0 });
    expect(stateAt(events, t("2024-04-15T00:00:00Z"))).toEqual({ state: "active", mrrCents: 15000 });
  });

  it("applies events at one instant in the order received (the last wins)", () => {
    const same = [ev("2024-01-01T00:00:00Z", "converted", 5000), ev("2024-01-01T00:00:00Z", "canceled")];
    expect(stateAt(same, t("2024-02-01T00:00:00Z")).state).toBe("canceled");
    expect(stateAt([...same].reverse(), t("2024-02-01T00:00:00Z"))).toEqual({ state: "active", mrrCents: 5000 });
  });
});

describe("customersAndMrrAt", () => {
  it("counts active and paused accounts, including those at 0 MRR", () => {
    const accounts = [
      [ev("2024-01-01T00:00:00Z", "converted", 10000)], // customer, $100
      [ev("2024-01-01T00:00:00Z", "converted", 5000), ev("2024-01-02T00:00:00Z", "paused", 1000)], // customer, $10
      [ev("2024-01-01T00:00:00Z", "converted", 0)], // customer at 0 MRR
      [ev("2024-01-01T00:00:00Z", "trial_started")], // not a customer
      [ev("2024-01-01T00:00:00Z", "converted", 7000), ev("2024-01-05T00:00:00Z", "canceled")], // churned
    ];
    // 3 customers; MRR 10000 + 1000 + 0 = 11000.
    expect(customersAndMrrAt(accounts, t("2024-02-01T00:00:00Z"))).toEqual({ customers: 3, mrrCents: 11000 });
  });
});

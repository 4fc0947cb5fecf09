// The editor's form state: what Save sends from typed text, and each problem keyed by its field.
import { describe, expect, it } from "vitest";
import { defaultFlowContent } from "@/lib/cancel/defaults";
import { cents, checkDraft, draftInput, fieldKey, flowDraft, previewContent } from "./draft";
import { keepVariant, newExperiment } from "./experiment-draft";

const snapshot = {
  name: "Default flow",
  targeting: { segments: [], plans: [], locales: [] },
  content: defaultFlowContent(),
};

describe("the cancel-flow draft", () => {
  it("gives back exactly the flow it was made from", () => {
    const { errors, content } = checkDraft(flowDraft(snapshot));
    expect(errors).toEqual({});
    expect(content).toEqual(snapshot.content);
  });

  it("keeps a running experiment through the draft, and ends it by keeping either variant", () => {
    const experiment = { reasonCode: "too_expensive", offerB: { kind: "pause" as const, maxMonths: 2 }, shareB: 0.3 };
    const running = { ...snapshot, content: { ...snapshot.content, experiment } };
    expect(checkDraft(flowDraft(running)).content).toEqual(running.content);
    // Keeping A: the experiment goes, every offer stays.
    expect(checkDraft(keepVariant(flowDraft(running), "A")).content).toEqual(snapshot.content);
    // Keeping B: "too_expensive" now offers B's pause, and nothing else changed.
    const keptB = checkDraft(keepVariant(flowDraft(running), "B")).content;
    expect(keptB?.experiment).toBeNull();
    expect(keptB?.reasons.find((r) => r.code === "too_expensive")?.offer).toEqual({ kind: "pause", maxMonths: 2 });
    expect(keptB?.reasons.filter((r) => r.code !== "too_expensive")).toEqual(
      snapshot.content.reasons.filter((r) => r.code !== "too_expensive"),
    );
  });

  it("starts an experiment on the first reason with half the sessions, refuses B equal to A, and names a bad share", () => {
    const d = flowDraft(snapshot);
    d.experiment = newExperiment(d);
    // B starts as a copy of the reason's own offer (25 % for 3 months): nothing to compare yet.
    expect(checkDraft(d).errors["content.experiment.offerB"]).toBe(
      "Variant B's offer is the reason's own offer: change it, so the experiment compares two.",
    );
    d.experiment = { ...d.experiment, offerB: { ...d.experiment.offerB, percent: "40" } };
    const first = snapshot.content.reasons[0];
    expect(checkDraft(d).content?.experiment).toEqual({
      reasonCode: first?.code,
      offerB: { kind: "discount", percent: 40, months: 3 },
      shareB: 0.5,
    });
    d.experiment = { ...d.experiment, shareB: "99" };
    expect(checkDraft(d).errors["content.experiment.shareB"]).toBe(
      "The experiment's split must give each variant at least 5 %.",
    );
    d.experiment = { ...d.experiment, shareB: "half" };
    expect(checkDraft(d).errors["content.experiment.shareB"]).toMatch(/must be a number/);
  });

  it("reads prices in whole units with up to two decimals as cents, and nothing else", () => {
    // 19 → 1900; 19.5 → 1950; 1234.56 → 123456.
    expect([cents("19"), cents("19.5"), cents(" 1234.56 ")]).toEqual([1900, 1950, 123_456]);
    expect([cents(""), cents("19.999"), cents("-1"), cents("1e3"), cents("19,00")].every(Number.isNaN)).toBe(true);
  });

  it("sends lists from comma-separated text and only the chosen offer's fields", () => {
    const d = flowDraft(snapshot);
    d.plans = " pro, , team ";
    d.locales = "de,en-GB";
    const first = d.reasons[0];
    if (!first) throw new Error("the default flow has reasons");
    first.offer = { ...first.offer, kind: "downgrade", plan: "Starter", price: "19", stripePriceId: "" };
    const input = draftInput(d);
    expect(input.targeting).toEqual({ segments: [], plans: ["pro", "team"], locales: ["de", "en-GB"] });
    expect(input.content.reasons[0]?.offer).toEqual({
      kind: "downgrade",
      plan: "Starter",
      priceCents: 1900,
      stripePriceId: "",
    });
    expect(checkDraft(d).content?.reasons[0]?.offer).toEqual({ kind: "downgrade", plan: "Starter", priceCents: 1900 });
  });

  it("keys every problem by the field it names, as a sentence", () => {
    const d = flowDraft(snapshot);
    d.accentColor = "teal";
    d.locales = "de, not a tag";
    const second = d.reasons[1];
    if (!second) throw new Error("the default flow has reasons");
    second.label = " ";
    second.offer = { ...second.offer, kind: "discount", percent: "150", months: "x" };
    d.texts = { ...d.texts, cancelButton: "" };
    expect(checkDraft(d).errors).toEqual({
      "content.accentColor": "The accent colour must be #rrggbb.",
      "targeting.locales": "Each locale must be a tag like de or en-GB.",
      "content.reasons.1.label": "The reason's label is required.",
      "content.reasons.1.offer.percent": "The discount percent must be at most 100.",
      "content.reasons.1.offer.months": "The discount months must be a number.",
      "content.texts.cancelButton": "The cancel button is required.",
    });
    expect(fieldKey(["targeting", "plans", 3])).toBe("targeting.plans");
  });

  it("lets the preview draw a half-typed flow, naming what is still empty", () => {
    const d = flowDraft(snapshot);
    d.texts = { ...d.texts, somethingElseLabel: "" };
    const first = d.reasons[0];
    if (!first) throw new Error("the default flow has reasons");
    first.label = "";
    first.offer = { ...first.offer, kind: "pause", maxMonths: "9" };
    const c = previewContent(d);
    expect(c.texts.somethingElseLabel).toBe("[“Something else” label]");
    expect(c.reasons[0]?.label).toBe("(no label yet)");
    expect(c.reasons[0]?.offer).toEqual({ kind: "pause", maxMonths: 3 });
  });
});

// The schema of an offer experiment (SPEC §7): a slot the flow has, a split leaving each variant 5 %.
import { describe, expect, it } from "vitest";
import { cancelFlowContentSchema } from "./cancel-flow";
import { testFlowContent } from "@/test/cancel-flow-fixture";

const EXPERIMENT = { reasonCode: "too_expensive", offerB: { kind: "pause", maxMonths: 2 }, shareB: 0.3 } as const;

describe("a flow's experiment", () => {
  it("refuses an experiment on a reason the flow does not have, or a split leaving a variant under 5 %", () => {
    const bad = (experiment: unknown) =>
      cancelFlowContentSchema
        .safeParse({ ...testFlowContent(), experiment })
        .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(bad({ ...EXPERIMENT, reasonCode: "gone" })).toEqual([
      "experiment.reasonCode: the experiment must run on one of the flow's reasons",
    ]);
    expect(bad({ ...EXPERIMENT, shareB: 0.99 })).toEqual([
      "experiment.shareB: the experiment's split must give each variant at least 5 %",
    ]);
    expect(bad({ ...EXPERIMENT, reasonCode: "other" })).toBeUndefined();
    expect(bad(null)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { cancelFlowContentSchema, cancelOfferSchema } from "@/lib/validation/cancel-flow";
import { STRIPE_FEEDBACK_CODES } from "@/lib/values";
import { defaultFlowContent } from "./defaults";

describe("the default cancel flow", () => {
  it("passes the schema the editor saves with", () => {
    const parsed = cancelFlowContentSchema.safeParse(defaultFlowContent("Acme"));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("uses Stripe's feedback codes, so the taxonomy files every answer", () => {
    for (const r of defaultFlowContent().reasons) expect(STRIPE_FEEDBACK_CODES).toContain(r.code);
  });
});

describe("the flow schema", () => {
  it("names the field that is wrong", () => {
    const content = defaultFlowContent();
    const bad = { ...content, reasons: content.reasons.slice(0, 2), accentColor: "red" };
    const messages = cancelFlowContentSchema.safeParse(bad).error?.issues.map((i) => i.message);
    expect(messages).toEqual(["the accent colour must be #rrggbb", "a flow needs at least 3 reasons"]);
  });

  it("refuses a pause longer than 3 months and a talk-to-us link that is not https", () => {
    expect(cancelOfferSchema.safeParse({ kind: "pause", maxMonths: 4 }).error?.issues[0]?.message).toBe(
      "pause months must be at most 3",
    );
    expect(
      cancelOfferSchema.safeParse({ kind: "talk_to_us", url: "http://example.com", label: "Call" }).error?.issues[0]
        ?.message,
    ).toBe("the talk-to-us link must start with https://");
  });
});

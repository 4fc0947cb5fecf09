// The webhook schemas: each refusal names its field, events are deduplicated, and the delivery
// log's URL ignores a value it cannot read instead of failing the page.
import { describe, expect, it } from "vitest";
import { deliveryFilters, deliveryLogSchema, setWebhookEnabledSchema, webhookEndpointSchema } from "./webhooks";

const firstIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues[0];

describe("webhookEndpointSchema", () => {
  it("takes a URL, trims it, and keeps each event once", () => {
    const parsed = webhookEndpointSchema.parse({
      url: "  https://example.com/hook ",
      events: ["account.entered_queue", "account.entered_queue", "cancel_session.completed"],
    });
    expect(parsed).toEqual({
      url: "https://example.com/hook",
      description: "",
      events: ["account.entered_queue", "cancel_session.completed"],
    });
  });

  it.each([
    [{ events: ["account.entered_queue"] }, "url", "url is required"],
    [{ url: "   ", events: ["account.entered_queue"] }, "url", "url is required"],
    [{ url: "https://example.com", events: [] }, "events", "choose at least one event"],
    [{ url: "https://example.com" }, "events", "choose at least one event"],
    [{ url: "https://example.com", events: ["account.deleted"] }, "events", "events must be among"],
    [
      { url: "https://example.com", events: ["account.entered_queue"], description: "x".repeat(201) },
      "description",
      "at most 200",
    ],
    [{ url: "https://exa\u0000mple.com", events: ["account.entered_queue"] }, "url", "NUL"],
  ])("refuses %j, naming %s", (input, field, words) => {
    const issue = firstIssue(webhookEndpointSchema.safeParse(input));
    expect(issue?.path[0]).toBe(field);
    expect(issue?.message).toContain(words);
  });
});

describe("setWebhookEnabledSchema", () => {
  it("wants a boolean, not the text of one", () => {
    expect(setWebhookEnabledSchema.safeParse({ id: "whe_1", enabled: true }).success).toBe(true);
    const issue = firstIssue(setWebhookEnabledSchema.safeParse({ id: "whe_1", enabled: "false" }));
    expect(issue?.path[0]).toBe("enabled");
  });
});

describe("deliveryLogSchema", () => {
  it("reads the filters, the page and the open delivery", () => {
    const params = deliveryLogSchema.parse({ endpoint: "whe_1", status: "failed", page: "3", delivery: "msg_1" });
    expect(deliveryFilters(params)).toEqual({ endpointId: "whe_1", status: "failed", page: 3 });
    expect(params.delivery).toBe("msg_1");
  });

  it("ignores values it cannot read", () => {
    expect(
      deliveryLogSchema.parse({ status: "lost", page: "-1", endpoint: "a\u0000b", delivery: "x".repeat(101) }),
    ).toEqual({
      page: 1,
    });
  });
});

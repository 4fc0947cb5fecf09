// Rows of a test's own for the action fuzzing cases (test/action-cases.ts) to act on.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { createAlertRule } from "@/db/queries/alert-rules";
import { createCategory } from "@/db/queries/taxonomy";
import { addToQueue } from "@/db/queries/triage-items";
import { createUser } from "@/db/queries/users";
import { sendTestEvent } from "@/db/queries/webhook-deliveries";
import { createWebhookEndpoint } from "@/db/queries/webhooks";
import { createRule } from "@/db/queries/workbench-rules";
import { accounts, cancellationResponses, triageItems } from "@/db/schema";
import { insertFlow } from "./cancel-flow-fixture";
import { makeAccounts, makeApiKey, uniqueEmail, uniqueId } from "./factories";
import { insertResponses } from "./fixtures";

export const PASSWORD = "fuzz-password-0123";

/** A valid alert rule: health down 10 points, assigned to the owner, who is told. */
export const FIXTURE_ALERT_RULE = {
  name: "Fuzz rule",
  enabled: true,
  trigger: { kind: "health_drop" as const, points: 10 },
  filters: { minMrrCents: null, segment: null, plan: null },
  actions: {
    assign: { mode: "owner" as const },
    followUpDays: 2,
    notify: { assignee: true, roles: [], userIds: [] },
    slackUrl: null,
  },
};

/** Rows of a test's own for the actions to act on: users, an account in the queue, a category, an answer, a rule, a webhook endpoint and a delivery. */
export async function actionFixture(db: Db) {
  const admin = await createUser(
    db,
    { email: uniqueEmail("fz-admin"), name: "Fuzz Admin", role: "admin", password: PASSWORD },
    SYSTEM_ACTOR,
  );
  const other = await createUser(
    db,
    { email: uniqueEmail("fz-cs"), name: "Fuzz Cs", role: "cs", password: PASSWORD },
    SYSTEM_ACTOR,
  );
  const [account = ""] = await makeAccounts(db, 1, "fz-act");
  await addToQueue(db, admin, [account], SYSTEM_ACTOR);
  const [item] = await db
    .select({ id: triageItems.id, version: triageItems.version })
    .from(triageItems)
    .innerJoin(accounts, eq(accounts.id, triageItems.accountId))
    .where(eq(accounts.externalId, account));
  const category = await createCategory(
    db,
    { name: uniqueId("Fuzz"), description: "", regrettable: true, color: "chart-1" },
    SYSTEM_ACTOR,
  );
  const target = await createCategory(
    db,
    { name: uniqueId("Fuzz"), description: "", regrettable: false, color: "chart-2" },
    SYSTEM_ACTOR,
  );
  await insertResponses(db, [
    {
      accountId: account,
      submittedAt: "2025-02-01T00:00:00Z",
      // Filed (Price & value by default), so its regrettable flag can be set: an answer still in
      // Uncategorized has none.
      reasonCode: "too_expensive",
      outcome: "canceled",
      freeText: "price",
    },
  ]);
  const [answer] = await db
    .select({ accountId: cancellationResponses.accountId, seq: cancellationResponses.seq })
    .from(cancellationResponses)
    .where(eq(cancellationResponses.accountId, account));
  const rule = await createRule(
    db,
    { pattern: "price", matchKind: "keyword", reasonCode: null },
    category.id,
    SYSTEM_ACTOR,
  );
  const key = await makeApiKey(db, ["read"]);
  const endpoint = await createWebhookEndpoint(
    db,
    { url: "https://hooks.example.com/holdfast", events: ["account.entered_queue"] },
    SYSTEM_ACTOR,
  );
  const deliveryId = (await sendTestEvent(db, endpoint.id, SYSTEM_ACTOR)) ?? "";
  const alertRuleId = await createAlertRule(db, FIXTURE_ALERT_RULE, SYSTEM_ACTOR);
  const cancelFlow = await insertFlow(db, { segments: ["smb"], position: 1 });
  await insertFlow(db, { segments: ["mid"], position: 2 });
  return {
    admin,
    other,
    account,
    item: { id: item?.id ?? "", version: item?.version ?? 1 },
    categoryId: category.id,
    targetId: target.id,
    ref: answer ? `${answer.accountId}:${answer.seq}` : "",
    ruleId: rule.id,
    keyId: key.id,
    endpointId: endpoint.id,
    deliveryId,
    cancelFlowId: cancelFlow.flowId,
    alertRuleId,
  };
}
export type ActionFixture = Awaited<ReturnType<typeof actionFixture>>;

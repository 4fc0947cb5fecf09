// npm run webhook:create -- --url U [--events cancel_session.completed,account.entered_queue] [--description D]
// — adds a webhook endpoint and prints its id and signing secret once.
import { parseArgs } from "node:util";
import { withDatabase } from "@/db/open";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { createWebhookEndpoint } from "@/db/queries/webhooks";
import { WEBHOOK_EVENT_TYPES } from "@/lib/values";
import { webhookEndpointSchema } from "@/lib/validation/webhooks";
import { checkWebhookUrl } from "@/lib/webhooks/url-guard";
import { run } from "./run";

run(async () => {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      events: { type: "string", default: WEBHOOK_EVENT_TYPES.join(",") },
      description: { type: "string", default: "" },
    },
  });
  const parsed = webhookEndpointSchema.safeParse({
    url: values.url,
    description: values.description,
    events: values.events
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${String(i.path[0] ?? "url")}: ${i.message}`).join("\n"));
  }
  const checked = await checkWebhookUrl(parsed.data.url);
  if (!checked.ok) throw new Error(`--url: ${checked.message}`);
  await withDatabase(async ({ db }) => {
    const made = await createWebhookEndpoint(
      db,
      { ...parsed.data, url: checked.url },
      { ...SYSTEM_ACTOR, label: "cli webhook:create" },
    );
    console.log(
      `Webhook endpoint ${made.id} for ${checked.url} (${parsed.data.events.join(", ")}).\nIts signing secret, shown once — keep it now:\n\n  ${made.secret}\n`,
    );
  });
});

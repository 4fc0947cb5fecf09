// npm run apikey:create -- --name N [--scopes ingest,read,cancel] [--rate-limit 600] — prints a new API key once.
import { parseArgs } from "node:util";
import { withDatabase } from "@/db/open";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { createApiKey } from "@/db/queries/api-keys";
import { apiKeySchema } from "@/lib/validation/api-keys";
import { run } from "./run";

run(async () => {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      scopes: { type: "string", default: "ingest,read" },
      "rate-limit": { type: "string", default: "600" },
    },
  });
  const parsed = apiKeySchema.safeParse({
    name: values.name,
    scopes: values.scopes
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimitPerMinute: values["rate-limit"],
  });
  if (!parsed.success) {
    const flag = (path: PropertyKey | undefined) => (path === "rateLimitPerMinute" ? "rate-limit" : String(path));
    throw new Error(parsed.error.issues.map((i) => `--${flag(i.path[0])}: ${i.message}`).join("\n"));
  }
  await withDatabase(async ({ db }) => {
    const made = await createApiKey(db, parsed.data, { ...SYSTEM_ACTOR, label: "cli apikey:create" });
    console.log(
      `API key “${parsed.data.name}” (${parsed.data.scopes.join(", ")}; ${parsed.data.rateLimitPerMinute} requests a minute), shown once — keep it now:\n\n  ${made.key}\n`,
    );
  });
});

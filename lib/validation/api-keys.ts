// The one schema for a new API key, shared by the admin form, the action and the CLI.
import { z } from "zod";
import { text } from "./text";
import { API_SCOPES } from "@/db/queries/api-keys";

export const apiKeySchema = z.object({
  name: text({ message: "name is required" }).trim().min(1, "name must not be empty").max(100),
  scopes: z
    .array(z.enum(API_SCOPES, { message: `scopes must be among ${API_SCOPES.join(", ")}` }))
    .min(1, "choose at least one scope")
    .transform((s) => [...new Set(s)]),
  rateLimitPerMinute: z.coerce
    .number({ message: "rateLimitPerMinute must be a number" })
    .int("rateLimitPerMinute must be a whole number")
    .min(1, "rateLimitPerMinute must be at least 1")
    .max(1_000_000)
    .default(600),
});

export const revokeApiKeySchema = z.object({ id: text().min(1).max(100) });

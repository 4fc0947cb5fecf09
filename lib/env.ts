// The environment, parsed once by zod: the only module that reads process.env.
import path from "node:path";
import { z } from "zod";
import { parseCidrs } from "@/lib/http/forwarded";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  HOLDFAST_DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SEED_DEMO: z
    .enum(["true", "false", "1", "0", ""])
    .default("true")
    .transform((v) => v !== "false" && v !== "0"),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, "CURRENCY must be an ISO 4217 code such as USD")
    .default("USD"),
  TEST_DATABASE_URL: z.string().optional(),
  // Seconds between health refreshes in the server (accounts with new data); 0 turns them off.
  HEALTH_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  // The reverse proxies in front of Holdfast (comma-separated IPs or CIDRs): only their X-Forwarded-For is believed.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .refine(
      (list) => {
        try {
          parseCidrs(list);
          return true;
        } catch {
          return false;
        }
      },
      { message: "TRUSTED_PROXIES must be comma-separated IP addresses or CIDRs (10.0.0.0/8, fd00::/8)" },
    ),
  // false: this server runs no background work (deliveries, re-scoring); another server does.
  HOLDFAST_WORKER: z
    .enum(["true", "false", "1", "0", ""])
    .default("true")
    .transform((v) => v !== "false" && v !== "0"),
  // Tests only: webhook URLs may be http and reach private, loopback and link-local addresses.
  ALLOW_PRIVATE_WEBHOOKS: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "STRIPE_WEBHOOK_SECRET must start with whsec_").optional(),
  // Set: the cancel flow's outcomes are applied to the account's Stripe subscription (lib/stripe/apply.ts).
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_… or rk_…)")
    .optional(),
  // Tests only: where Stripe's API is (a local server speaking its protocol), as http(s)://host:port.
  STRIPE_API_BASE: z.string().url("STRIPE_API_BASE must be a URL such as http://127.0.0.1:12111").optional(),
  // The address customers reach this server at: cancel links are <PUBLIC_URL>/cancel/<token>.
  PUBLIC_URL: z
    .string()
    .refine((v) => v === "" || originOf(v) !== null, {
      message: "PUBLIC_URL must be an http(s) origin without a path, such as https://holdfast.example.com",
    })
    .transform((v) => (v === "" ? undefined : (originOf(v) ?? undefined)))
    .optional(),
  // The origins a cancel session's returnUrl may lead back to (comma-separated).
  CANCEL_RETURN_ORIGINS: z
    .string()
    .default("")
    .refine((list) => originList(list) !== null, {
      message:
        "CANCEL_RETURN_ORIGINS must be comma-separated http(s) origins without paths (https://app.example.com, https://example.com)",
    })
    .transform((list) => originList(list) ?? []),
  // Minutes a cancel link may wait for its first opening.
  CANCEL_SESSION_MINUTES: z.coerce
    .number()
    .int("CANCEL_SESSION_MINUTES must be a whole number of minutes")
    .min(1, "CANCEL_SESSION_MINUTES must be 1 to 1440")
    .max(1440, "CANCEL_SESSION_MINUTES must be 1 to 1440")
    .default(60),
  // Where e-mail goes out (smtp://user:pass@host:587 or smtps://…:465); unset: no e-mail, the inbox only.
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      "SMTP_URL must be an smtp:// or smtps:// URL, such as smtp://user:pass@mail.example.com:587",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // The From of every e-mail.
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/, "MAIL_FROM must be an address, such as Holdfast <holdfast@example.com>")
    .default("Holdfast <holdfast@localhost>"),
});

/** `https://host[:port]` of an http(s) URL with no path, query or fragment (a trailing / is fine); else null. */
export function originOf(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return null;
  if (/[?#]/.test(value)) return null;
  return url.origin;
}

/** A comma-separated list of origins, each normalised; null when one is not an origin. */
export function originList(list: string): string[] | null {
  const parts = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const origins = parts.map(originOf);
  return origins.every((o) => o !== null) ? [...new Set(origins)] : null;
}

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Folder of the embedded PGlite database (and the generated auth secret). */
export function dataDir(): string {
  return path.resolve(env().HOLDFAST_DATA_DIR);
}

/** The auth secret, refusing a missing or short one in production. */
export function authSecret(): string | undefined {
  const secret = env().AUTH_SECRET;
  if (env().NODE_ENV === "production" && (!secret || secret.length < 32)) {
    throw new Error("AUTH_SECRET must be set to at least 32 characters in production (npm start generates one).");
  }
  return secret;
}

/** What creating a cancel session needs from the environment (the route passes it on, tests make their own). */
export interface CancelSettings {
  publicUrl: string | undefined;
  returnOrigins: string[];
  minutes: number;
}

export function cancelSettings(): CancelSettings {
  const e = env();
  return { publicUrl: e.PUBLIC_URL, returnOrigins: e.CANCEL_RETURN_ORIGINS, minutes: e.CANCEL_SESSION_MINUTES };
}

// The signed-in pages the whole-app specs walk (console errors, accessibility), with one demo
// account's page among them.
import { generatePreset } from "@/db/seed/presets";
import { e2eAnchor } from "./env";

const account = generatePreset("demo", 1, e2eAnchor()).accounts[3]?.externalId ?? "missing";

export const SIGNED_IN_PAGES = [
  "/overview",
  "/cohorts",
  "/cohorts?view=revenue",
  "/reasons",
  "/at-risk",
  "/at-risk?tab=conversion",
  "/accounts",
  `/accounts/${account}`,
  "/admin",
  "/admin/taxonomy",
  "/admin/workbench",
  "/admin/audit",
  "/admin/health",
  "/admin/api-keys",
  "/admin/webhooks",
  "/admin/cancel-flow",
  "/admin/cancel-flow?flow=cf_demo_default",
  "/import",
  "/docs/metrics",
  "/account/password",
  "/account/notifications",
  "/notifications",
  "/alerts",
  "/alerts?rule=alr_demo_big_falling",
] as const;

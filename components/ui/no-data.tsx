// What an empty installation shows in place of a page's figures: what the page needs and how to
// send it — an API key, then the exact requests (real batches, lib/api-examples.ts), or a CSV
// import, or Stripe's webhooks.
import { IntentLink } from "@/components/ui/intent-link";
import { type ExampleResource, curlCommand } from "@/lib/api-examples";
import type { DataPresence } from "@/lib/types/metrics";
import { type Role, hasRole } from "@/lib/values";
import { requestOrigin } from "@/lib/http/origin";
import { CopyButton } from "./copy-button";

const NEEDS: Record<keyof DataPresence, { title: string; what: string; send: ExampleResource[] }> = {
  subscriptions: {
    title: "No subscription data yet",
    what: "Customers, MRR, churn and cohorts are computed from each account’s subscription events (trial, conversion, upgrades, cancellation).",
    send: ["accounts", "subscription-events"],
  },
  cancellations: {
    title: "No cancellation answers yet",
    what: "This page charts the answers customers give in your cancellation survey, filed into reason categories.",
    send: ["accounts", "cancellations"],
  },
  accounts: {
    title: "No accounts yet",
    what: "Accounts are the customers and trials Holdfast scores and queues; everything else hangs off them.",
    send: ["accounts", "subscription-events"],
  },
};

export async function NoData({ needs, role }: { needs: keyof typeof NEEDS; role: Role }) {
  const { title, what, send } = NEEDS[needs];
  const origin = await requestOrigin();
  const isAdmin = hasRole(role, "admin");
  return (
    <section
      className="rounded-xl border border-dashed border-line bg-surface p-8"
      aria-labelledby="no-data-title"
      data-testid="no-data"
    >
      <h2 id="no-data-title" className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-muted">{what} Send some and this page fills in at once.</p>
      <ol className="mt-5 max-w-4xl list-decimal space-y-4 pl-5 text-sm">
        <li>
          {isAdmin ? (
            <>
              Make an API key with the <em>ingest</em> scope in{" "}
              <IntentLink className="text-accent underline" href="/admin/api-keys">
                Admin → API keys
              </IntentLink>
            </>
          ) : (
            <>
              Ask an admin for an API key with the <em>ingest</em> scope (Admin → API keys)
            </>
          )}{" "}
          — or, on the server,{" "}
          <code className="rounded bg-canvas px-1">
            npm run apikey:create -- --name &quot;Billing sync&quot; --scopes ingest
          </code>{" "}
          — and keep it in <code className="rounded bg-canvas px-1">HOLDFAST_API_KEY</code>.
        </li>
        <li>
          Send the accounts first, then what this page needs (batches of up to 5,000 items; a batch is checked whole
          before anything is written):
          {send.map((resource) => {
            const command = curlCommand(origin, resource);
            return (
              <div key={resource} className="mt-2">
                <div className="flex items-center justify-between gap-2">
                  <span className="text-xs font-medium text-muted">POST /api/v1/{resource}</span>
                  <CopyButton text={command} label="Copy command" />
                </div>
                <pre
                  className="mt-1 overflow-x-auto rounded-lg border border-line bg-canvas p-3 text-xs text-ink"
                  tabIndex={0}
                >
                  {command}
                </pre>
              </div>
            );
          })}
        </li>
        <li>
          Or upload CSV exports on the{" "}
          <IntentLink className="text-accent underline" href="/import">
            Import
          </IntentLink>{" "}
          page (managers and admins), or point Stripe’s webhooks at{" "}
          <code className="rounded bg-canvas px-1">{origin}/api/webhooks/stripe</code>. Every field is described in the{" "}
          <IntentLink className="text-accent underline" href="/api-docs">
            API reference
          </IntentLink>
          .
        </li>
      </ol>
    </section>
  );
}

// Ready-to-send ingestion requests: what an empty page shows as its next step. They are real
// batches (lib/api-examples.db.test.ts sends them and reads the figures they make).

export type ExampleResource = "accounts" | "subscription-events" | "cancellations";

export interface IngestExample {
  idempotencyKey: string;
  items: Record<string, unknown>[];
}

export const INGEST_EXAMPLES: Record<ExampleResource, IngestExample> = {
  accounts: {
    idempotencyKey: "accounts-cus_123",
    items: [{ externalId: "cus_123", name: "Acme Inc.", plan: "growth", segment: "smb" }],
  },
  "subscription-events": {
    idempotencyKey: "events-cus_123-2026-01",
    items: [
      { accountExternalId: "cus_123", occurredAt: "2026-01-05T09:00:00Z", type: "trial_started" },
      { accountExternalId: "cus_123", occurredAt: "2026-01-19T09:00:00Z", type: "converted", mrrAfterCents: 4900 },
    ],
  },
  cancellations: {
    idempotencyKey: "cancel-cus_123-2026-03-02",
    items: [
      {
        accountExternalId: "cus_123",
        submittedAt: "2026-03-02T12:00:00Z",
        reasonCode: "too_expensive",
        freeText: "We can't justify the price for a team of three.",
        offerShown: "discount",
        offerAccepted: false,
        outcome: "canceled",
      },
    ],
  },
};

/** The example as a shell command against `origin`, the key taken from $HOLDFAST_API_KEY. */
export function curlCommand(origin: string, resource: ExampleResource): string {
  const example = INGEST_EXAMPLES[resource];
  // One item a line, so the command reads; the shell's single quotes need one escape rule.
  const body = `{"items": [\n${example.items.map((item) => `    ${JSON.stringify(item)}`).join(",\n")}\n  ]}`.replace(
    /'/g,
    "'\\''",
  );
  return [
    `curl -X POST ${origin}/api/v1/${resource} \\`,
    `  -H "Authorization: Bearer $HOLDFAST_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Idempotency-Key: ${example.idempotencyKey}" \\`,
    `  -d '${body}'`,
  ].join("\n");
}

/** Starting a cancel session for the example's customer (an API key with the cancel scope). */
export const CANCEL_SESSION_EXAMPLE = {
  idempotencyKey: "cancel-cus_123-2026-03-02",
  body: {
    accountExternalId: "cus_123",
    userRef: "user_42",
    returnUrl: "https://app.example.com/settings/billing",
  },
} as const;

/** The cancel-session example as a shell command against `origin`, the key taken from $HOLDFAST_API_KEY. */
export function cancelSessionCurl(origin: string): string {
  return [
    `curl -X POST ${origin}/api/v1/cancel-sessions \\`,
    `  -H "Authorization: Bearer $HOLDFAST_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Idempotency-Key: ${CANCEL_SESSION_EXAMPLE.idempotencyKey}" \\`,
    `  -d '${JSON.stringify(CANCEL_SESSION_EXAMPLE.body).replace(/'/g, "'\\''")}'`,
  ].join("\n");
}

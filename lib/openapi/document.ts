// The OpenAPI 3.1 document of Holdfast's HTTP API, generated from the zod schemas the API itself
// validates with (requests) and is tested against (responses).
import { z } from "zod";
import { INGEST_RESOURCES, MAX_ITEMS } from "@/lib/validation/ingest";
import {
  accountResponseSchema,
  churnResponseSchema,
  cohortsResponseSchema,
  ingestResponseSchema,
  overviewResponseSchema,
  problemSchema,
  reasonsResponseSchema,
} from "@/lib/validation/read-api";
import { SEGMENTS } from "@/lib/values";
import {
  cancelSessionCreatedSchema,
  cancelSessionWireSchema,
  createCancelSessionSchema,
} from "@/lib/validation/cancel-sessions";
import { VERBATIMS_MAX_PAGE, verbatimsResponseSchema } from "@/lib/validation/verbatims";

type Json = Record<string, unknown>;

function schema(s: z.ZodType, io: "input" | "output" = "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  });
  return rest;
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const metricParams = [
  {
    name: "from",
    in: "query",
    schema: { type: "string", pattern: "^\\d{4}-\\d{2}$" },
    description:
      "First month (YYYY-MM, 1970–2100), inclusive. Default: 23 months before `to`. A `from` after `to`, or more than 120 months before it, answers 400 naming `from`.",
  },
  {
    name: "to",
    in: "query",
    schema: { type: "string", pattern: "^\\d{4}-\\d{2}$" },
    description: "Last month (YYYY-MM, 1970–2100), inclusive. Default: the last month ended by `asOf`.",
  },
  {
    name: "asOf",
    in: "query",
    schema: { type: "string", format: "date-time" },
    description:
      "ISO 8601 instant with a zone, in the years 1970–2100; events at or after it are ignored. Default: now.",
  },
  {
    name: "segment",
    in: "query",
    schema: { type: "string", enum: [...SEGMENTS] },
    description: "The accounts' current segment.",
  },
  {
    name: "plan",
    in: "query",
    schema: { type: "string", minLength: 1, maxLength: 100 },
    description: "The accounts' current plan.",
  },
  {
    name: "format",
    in: "query",
    schema: { type: "string", enum: ["json", "csv"] },
    description: "csv for the chart's CSV download.",
  },
  {
    name: "for",
    in: "query",
    schema: { type: "string", enum: ["people"] },
    description:
      "With format=csv: people for the chart's download (money in currency units with the currency code in the header, rates as percentages, no separators); without it the CSV is raw (cents and fractions, as the JSON).",
  },
];

const READ = [{ apiKey: [] }, { session: [] }];

const METRICS: [string, string, string, z.ZodType][] = [
  [
    "overview",
    "Customers and MRR at asOf, and the last two complete months",
    "OverviewResponse",
    overviewResponseSchema,
  ],
  ["churn", "Logo churn and MRR movements per complete month", "ChurnResponse", churnResponseSchema],
  ["cohorts", "Logo and revenue retention by month of first conversion", "CohortsResponse", cohortsResponseSchema],
  [
    "reasons",
    "Cancellation answers by category, reason code, offer and month",
    "ReasonsResponse",
    reasonsResponseSchema,
  ],
];

// Read by the resource names Object.entries gives (strings); `satisfies` keeps one summary per resource.
const INGEST_SUMMARY: Readonly<Record<string, string>> = {
  accounts: "Upsert accounts by externalId",
  contacts: "Upsert contacts by account and e-mail",
  "subscription-events": "Add subscription events",
  activity: "Add product-usage events",
  signals: "Add signals (payments, tickets, NPS)",
  cancellations: "Add cancellation-survey answers",
} satisfies Record<keyof typeof INGEST_RESOURCES, string>;

export function openApiDocument(): Json {
  const paths: Json = {};
  for (const [resource, item] of Object.entries(INGEST_RESOURCES)) {
    const name = `${resource.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}Item`;
    paths[`/api/v1/${resource}`] = {
      post: {
        operationId: `ingest-${resource}`,
        tags: ["Ingestion"],
        summary: INGEST_SUMMARY[resource],
        description: `${item.description ?? ""} Up to ${MAX_ITEMS} items and 5 MB per request. The whole batch is checked first: one bad item rejects it with 400 naming each bad item and field, and nothing is written.`,
        security: [{ apiKey: [] }],
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            schema: { type: "string", maxLength: 200 },
            description:
              "Same key and body replays the first answer; another body answers 422; while the first runs, 409.",
          },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                additionalProperties: false,
                required: ["items"],
                properties: {
                  items: { type: "array", maxItems: MAX_ITEMS, items: { $ref: `#/components/schemas/${name}` } },
                },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "Written",
            content: { "application/json": { schema: { $ref: "#/components/schemas/IngestResponse" } } },
          },
          "400": problem("A bad batch: each bad item and field is named; nothing was written"),
          "401": problem("No valid API key"),
          "403": problem("The key lacks the ingest scope"),
          "409": problem("The first request with this Idempotency-Key is still running"),
          "413": problem("More than 5,000 items or 5 MB"),
          "422": problem("The Idempotency-Key was used with another body"),
        },
      },
    };
  }
  for (const [name, summary, ref] of METRICS) {
    paths[`/api/v1/metrics/${name}`] = {
      get: {
        operationId: `metrics-${name}`,
        tags: ["Read"],
        summary,
        security: READ,
        parameters: metricParams,
        responses: {
          "200": {
            description: "The figures the charts draw",
            content: {
              "application/json": { schema: { $ref: `#/components/schemas/${ref}` } },
              "text/csv": { schema: { type: "string" } },
            },
          },
          "400": problem("A bad query parameter, named"),
          "401": problem("Neither a session nor an API key"),
          "403": problem("The key lacks the read scope"),
        },
      },
    };
  }
  paths["/api/v1/metrics/reasons/verbatims"] = {
    get: {
      operationId: "metrics-reasons-verbatims",
      tags: ["Read"],
      summary: "The reasons report's answers in the customers' words, 25 to a page, newest first",
      security: READ,
      parameters: [
        ...metricParams.filter((p) => p.name !== "format"),
        {
          name: "category",
          in: "query",
          schema: { type: "string", minLength: 1, maxLength: 100 },
          description: "A category's slug (as in the reasons report); all categories when absent.",
        },
        {
          name: "q",
          in: "query",
          schema: { type: "string", maxLength: 200 },
          description:
            "Words that must all appear in the answer's text, case-insensitive; % and _ are the characters themselves.",
        },
        {
          name: "page",
          in: "query",
          schema: { type: "integer", minimum: 1, maximum: VERBATIMS_MAX_PAGE, default: 1 },
          description: "The page, from 1; a page past the last answers the last.",
        },
      ],
      responses: {
        "200": {
          description: "One page of answers",
          content: { "application/json": { schema: { $ref: "#/components/schemas/VerbatimsResponse" } } },
        },
        "400": problem("A bad query parameter, named"),
        "401": problem("Neither a session nor an API key"),
        "403": problem("The key lacks the read scope"),
      },
    },
  };
  paths["/api/v1/accounts/{externalId}"] = {
    get: {
      operationId: "account",
      tags: ["Read"],
      summary: "One account with its health score",
      security: READ,
      parameters: [
        { name: "externalId", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 200 } },
      ],
      responses: {
        "200": {
          description: "The account",
          content: { "application/json": { schema: { $ref: "#/components/schemas/AccountResponse" } } },
        },
        "400": problem("No account can have this externalId (empty, too long, a NUL or a lone surrogate)"),
        "404": problem("No account with this externalId"),
      },
    },
  };
  paths["/api/v1/cancel-sessions"] = {
    post: {
      operationId: "create-cancel-session",
      tags: ["Cancel sessions"],
      summary: "Start a cancel session and get the link to send the customer's browser to",
      description:
        "The link (<PUBLIC_URL>/cancel/<token>) must be opened before expiresAt (CANCEL_SESSION_MINUTES, 60 by default), then works for 24 hours or until the session ends. The flow is `flow` when given, else the first targeted flow matching the account and locale, else the default flow (made on first use). Confirm the outcome by the cancel_session.completed webhook or GET /api/v1/cancel-sessions/{id}, never by the return URL alone.",
      security: [{ apiKey: [] }],
      parameters: [
        {
          name: "Idempotency-Key",
          in: "header",
          schema: { type: "string", minLength: 1, maxLength: 200 },
          description:
            "Same key and body replays the first 201 (the same session and url); another body answers 422; while the first runs, 409. A 404 is not kept.",
        },
        {
          name: "Accept-Language",
          in: "header",
          schema: { type: "string" },
          description: "The session's locale when the body has none: its first valid tag by weight, else en-US.",
        },
      ],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/CreateCancelSession" } } },
      },
      responses: {
        "201": {
          description: "The session",
          content: { "application/json": { schema: { $ref: "#/components/schemas/CancelSessionCreated" } } },
        },
        "400": problem(
          "A bad body, each field named; or a returnUrl whose origin is not in CANCEL_RETURN_ORIGINS (unset: the detail names the setting)",
        ),
        "401": problem("No valid API key"),
        "403": problem("The key lacks the cancel scope"),
        "404": problem("No account with accountExternalId, or no live flow with the id in flow (the field is named)"),
        "409": problem("The first request with this Idempotency-Key is still running"),
        "413": problem("A body over 64 kB"),
        "422": problem("The Idempotency-Key was used with another body"),
        "503": problem("PUBLIC_URL is not set"),
      },
    },
  };
  paths["/api/v1/cancel-sessions/{id}"] = {
    get: {
      operationId: "cancel-session",
      tags: ["Cancel sessions"],
      summary: "One cancel session: its status, reason, offer and times (the cancel_session.completed webhook's data)",
      security: [{ apiKey: [] }, { session: [] }],
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 100 } },
      ],
      responses: {
        "200": {
          description: "The session",
          content: { "application/json": { schema: { $ref: "#/components/schemas/CancelSession" } } },
        },
        "400": problem("No session can have this id (empty, too long, a NUL or a lone surrogate)"),
        "401": problem("Neither a session nor an API key"),
        "403": problem("The key has neither the cancel nor the read scope"),
        "404": problem("No cancel session with this id"),
      },
    },
  };
  paths["/api/health"] = {
    get: {
      operationId: "health",
      tags: ["Operations"],
      summary: "Database reachability (no sign-in)",
      security: [],
      responses: { "200": { description: "Up" }, "503": { description: "Database unreachable" } },
    },
  };
  paths["/api/webhooks/stripe"] = {
    post: {
      operationId: "stripe-webhook",
      tags: ["Ingestion"],
      summary: "Stripe events (customer.*, customer.subscription.*), verified by the Stripe-Signature header",
      security: [],
      responses: {
        "200": { description: "Received" },
        "400": problem("Missing or invalid signature"),
        "503": problem("STRIPE_WEBHOOK_SECRET is not set"),
      },
    },
  };

  const schemas: Json = {
    IngestResponse: schema(ingestResponseSchema),
    Problem: schema(problemSchema),
    OverviewResponse: schema(overviewResponseSchema),
    ChurnResponse: schema(churnResponseSchema),
    CohortsResponse: schema(cohortsResponseSchema),
    ReasonsResponse: schema(reasonsResponseSchema),
    VerbatimsResponse: schema(verbatimsResponseSchema),
    AccountResponse: schema(accountResponseSchema),
    CreateCancelSession: schema(createCancelSessionSchema, "input"),
    CancelSessionCreated: schema(cancelSessionCreatedSchema),
    CancelSession: schema(cancelSessionWireSchema),
  };
  for (const [resource, item] of Object.entries(INGEST_RESOURCES)) {
    const name = `${resource.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}Item`;
    schemas[name] = schema(item, "input");
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Holdfast API",
      version: "1.0.0",
      description:
        "Send accounts, subscription events, activity, signals and cancellation answers; read churn, cohorts and reasons; start cancel sessions and read their outcome. Money is integer cents; rates are fractions; timestamps are ISO 8601 with a zone.",
    },
    servers: [{ url: "/" }],
    tags: [{ name: "Ingestion" }, { name: "Read" }, { name: "Cancel sessions" }, { name: "Operations" }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key (Admin → API keys, or npm run apikey:create)",
        },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "A signed-in staff user" },
      },
    },
  };
}

// The read API's answers as zod schemas: they document the API (OpenAPI) and tests check the
// real answers against them, so the document cannot drift from what is sent.
import { z } from "zod";
import { HEALTH_COMPONENTS } from "@/lib/metrics/health";
import { CANCEL_SESSION_STATUSES, SAVE_OFFERS } from "@/lib/values";

const rate = z.number().nullable().describe("A fraction (0.2, not 20); null when its denominator is 0.");
const cents = z.number().int().describe("Integer cents");
const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .describe("YYYY-MM");

export const churnMonthSchema = z.object({
  month,
  customersStart: z.number().int(),
  customersEnd: z.number().int(),
  new: z.number().int(),
  reactivated: z.number().int(),
  churned: z.number().int(),
  newAndLost: z.number().int(),
  logoChurnRate: rate,
  mrrStartCents: cents,
  mrrEndCents: cents,
  newCents: cents,
  expansionCents: cents,
  contractionCents: cents,
  churnedCents: cents,
  reactivationCents: cents,
  grossMrrChurnRate: rate,
  netMrrChurnRate: rate,
  netRevenueRetention: rate,
  quickRatio: rate,
});

const asOf = z.string().describe("The instant the figures are computed at (ISO 8601).");

export const churnResponseSchema = z.object({ asOf, months: z.array(churnMonthSchema) });

export const cohortsResponseSchema = z.object({
  asOf,
  cohorts: z.array(
    z.object({
      cohort: month,
      size: z.number().int(),
      baseMrrCents: cents,
      cells: z.array(
        z.object({
          age: z.number().int(),
          customers: z.number().int(),
          mrrCents: cents,
          logoRetention: rate,
          revenueRetention: rate,
        }),
      ),
    }),
  ),
});

export const reasonsResponseSchema = z.object({
  asOf,
  taxonomyVersion: z.number().int(),
  categories: z.array(
    z.object({
      category: z.string().describe("The category's stable slug"),
      name: z.string(),
      color: z.string(),
      regrettable: z
        .boolean()
        .nullable()
        .describe("The category's default; null for Uncategorized, whose answers count as neither regrettable nor not"),
      responses: z.number().int(),
      canceled: z.number().int(),
      mrrLostCents: cents,
      regrettableResponses: z.number().int(),
      regrettableMrrLostCents: cents.describe("MRR lost by the answers counted in regrettableResponses"),
      saved: z.number().int(),
      pending: z.number().int(),
    }),
  ),
  reasonCodes: z.array(
    z.object({ reasonCode: z.string(), responses: z.number().int(), canceled: z.number().int(), mrrLostCents: cents }),
  ),
  byOffer: z.array(
    z.object({
      offer: z.enum(SAVE_OFFERS),
      responses: z.number().int(),
      saved: z.number().int(),
      pending: z.number().int(),
      saveRate: rate,
    }),
  ),
  byMonth: z.array(
    z.object({
      month,
      category: z.string(),
      responses: z.number().int(),
      canceled: z.number().int(),
      mrrLostCents: cents,
    }),
  ),
  noAnswer: z
    .object({ responses: z.number().int(), mrrLostCents: cents })
    .describe(
      "Cancels pressed before any reason was chosen (reason code no_answer), counted only here: in no category, reason code, offer or month",
    ),
  sessions: z
    .object(Object.fromEntries(CANCEL_SESSION_STATUSES.map((s) => [s, z.number().int()])))
    .describe("Cancel sessions made in from..to (previews left out), by their status as of asOf"),
  deflectionRate: rate.describe("saved ÷ (saved + canceled) of those sessions; null when both are 0"),
  byVariant: z.array(
    z.object({
      flowId: z.string(),
      flowName: z.string().describe("The version's name"),
      flowVersionId: z.string(),
      flowVersion: z.number().int().describe("The version's number within its flow"),
      variant: z.enum(["A", "B"]),
      reasonCode: z.string().nullable().describe("The experiment's slot: a reason code, or other for “something else”"),
      offer: z
        .object({
          kind: z.enum(SAVE_OFFERS),
          maxMonths: z.number().int().optional(),
          plan: z.string().optional(),
          priceCents: cents.optional(),
          percent: z.number().int().optional(),
          months: z.number().int().optional(),
          url: z.string().optional(),
          label: z.string().optional(),
        })
        .nullable()
        .describe("The offer this variant showed in the slot"),
      sessions: z
        .number()
        .int()
        .describe("Sessions of the variant that chose the slot's reason and ended saved or canceled"),
      saved: z.number().int().describe("Saves that held 30 days"),
      pending: z.number().int().describe("Saves whose 30 days are not over"),
      saveRate: rate.describe("saved ÷ (sessions − pending)"),
      low: rate.describe("The 95 % Wilson interval's lower end"),
      high: rate.describe("The 95 % Wilson interval's upper end"),
    }),
  ),
  watchlistAccounts: z
    .number()
    .int()
    .describe("Accounts that opened the cancel page in the 30 days before asOf and did not cancel there"),
});

export const overviewResponseSchema = z.object({
  asOf,
  customers: z.number().int(),
  mrrCents: cents,
  lastMonth: churnMonthSchema.nullable(),
  previousMonth: churnMonthSchema.nullable(),
});

export const accountResponseSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  plan: z.string().nullable(),
  segment: z.string().nullable(),
  seatsPaid: z.number().int().nullable(),
  status: z.string(),
  mrrCents: cents,
  health: z
    .object({
      score: z
        .number()
        .min(0)
        .max(100)
        .describe("0–100, higher is healthier; 100 × the weighted mean of the components"),
      components: z.array(
        z.object({
          name: z.enum(HEALTH_COMPONENTS),
          value: z.number().min(0).max(1),
          weight: z
            .number()
            .min(0)
            .max(1)
            .describe("Share of the score after components without data are left out; the weights sum to 1"),
        }),
      ),
      reasons: z.array(z.string()).describe("Why the score is low, in words, the largest loss first"),
    })
    .nullable()
    .describe("null until the account is scored (customers, and trials until 30 days after their end)"),
});

export const ingestResponseSchema = z.object({
  accepted: z.number().int().describe("Items valid in the batch"),
  skipped: z.number().int().describe("Of those, already stored (by externalId)"),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ item: z.number().int().optional(), field: z.string(), message: z.string() })).optional(),
});

// The admin's health-score settings form, checked the same way in the browser and on the server.
import { z } from "zod";
import type { HealthComponentName, HealthSettings } from "@/lib/metrics/health";
import { text } from "./text";

const weight = z.number().min(0, "Weights are 0 or more.").max(100);
// One entry per component of lib/metrics/health, in its order: `satisfies` refuses a missing or an extra one.
const weightShape = {
  depth: weight,
  breadth: weight,
  trend: weight,
  billing: weight,
  intent: weight,
  voice: weight,
} satisfies Record<HealthComponentName, z.ZodNumber>;

export const healthSettingsSchema = z
  .object({
    weights: z.object(weightShape).strict(),
    keyFeatures: z.array(text().trim().min(1).max(100)).max(50),
    threshold: z.number().int().min(0).max(100),
  })
  .strict()
  .refine((s) => Object.values(s.weights).some((w) => w > 0), {
    message: "At least one weight must be above 0.",
    path: ["weights"],
  }) satisfies z.ZodType<HealthSettings>;

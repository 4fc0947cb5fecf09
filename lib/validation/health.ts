// The admin's health-score settings form, checked the same way in the browser and on the server.
import { z } from "zod";
import { HEALTH_COMPONENTS } from "@/lib/metrics/health";
import { text } from "./text";

export const healthSettingsSchema = z
  .object({
    weights: z
      .object(
        Object.fromEntries(
          HEALTH_COMPONENTS.map((c) => [c, z.number().min(0, "Weights are 0 or more.").max(100)]),
        ) as Record<(typeof HEALTH_COMPONENTS)[number], z.ZodNumber>,
      )
      .strict(),
    keyFeatures: z.array(text().trim().min(1).max(100)).max(50),
    threshold: z.number().int().min(0).max(100),
  })
  .strict()
  .refine((s) => Object.values(s.weights).some((w) => w > 0), {
    message: "At least one weight must be above 0.",
    path: ["weights"],
  });

// Parses URL query parameters with a zod schema; errors name each bad parameter.
import type { z } from "zod";
import { type FieldError, problem } from "./problem";

export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
): { data: z.infer<S> } | { error: Response } {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return { data: parsed.data };
  const errors: FieldError[] = parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
  return {
    error: problem(400, "Invalid query parameters", errors.map((e) => `${e.field}: ${e.message}`).join("; "), {
      errors,
    }),
  };
}

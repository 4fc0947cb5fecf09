// Parses URL query parameters with a zod schema; errors name each bad parameter.
import type { z } from "zod";
import { type FieldError, problem } from "./problem";

export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
): { data: z.infer<S> } | { error: Response } {
  // Of a parameter given twice, the first counts: as URLSearchParams.get reads it, and as the pages
  // read their URL (docs/api.md).
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in params)) params[key] = value;
  const parsed = schema.safeParse(params);
  if (parsed.success) return { data: parsed.data };
  const errors: FieldError[] = parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
  return {
    error: problem(400, "Invalid query parameters", errors.map((e) => `${e.field}: ${e.message}`).join("; "), {
      errors,
    }),
  };
}

// Answers read through a zod shape, so a test names the fields it reads without a cast, and reading
// drops nothing: objects keep every field they arrive with.
import { expect } from "vitest";
import { z } from "zod";

/** Any JSON object, each field as it came. */
export const jsonObject = z.record(z.string(), z.unknown());

/** A refusal naming its fields (the read API's and ingestion's 400s). */
export const fieldErrors = z.looseObject({ errors: z.array(z.looseObject({ field: z.string() })) });

/** A problem+json answer of the read API: its status, its sentence and each field with its message. */
export const problemBody = z.looseObject({
  status: z.number(),
  detail: z.string(),
  errors: z.array(z.looseObject({ field: z.string(), message: z.string() })),
});

/** Ingestion's refusal of a batch: each item's field and message. */
export const itemErrors = z.looseObject({
  errors: z.array(z.looseObject({ item: z.number(), field: z.string(), message: z.string() })),
});

/** The JSON body of an answer read through `shape`, which must keep every field it carries. */
export async function jsonAs<S extends z.ZodType>(response: Response, shape: S): Promise<z.infer<S>> {
  const body: unknown = await response.json();
  const read = shape.parse(body);
  expect(read).toEqual(body);
  return read;
}

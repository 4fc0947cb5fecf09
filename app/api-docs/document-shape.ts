// The part of the OpenAPI document the API page draws, checked by zod so the page reads typed fields, not a cast.
import { z } from "zod";

export interface FieldSchema {
  type?: string | string[] | undefined;
  enum?: string[] | undefined;
  format?: string | undefined;
  description?: string | undefined;
  properties?: Record<string, FieldSchema> | undefined;
  required?: string[] | undefined;
  anyOf?: FieldSchema[] | undefined;
}

const fieldSchema: z.ZodType<FieldSchema> = z.lazy(() =>
  z.object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    enum: z.array(z.string()).optional(),
    format: z.string().optional(),
    description: z.string().optional(),
    properties: z.record(z.string(), fieldSchema).optional(),
    required: z.array(z.string()).optional(),
    anyOf: z.array(fieldSchema).optional(),
  }),
);

const operation = z.object({
  summary: z.string(),
  description: z.string().optional(),
  security: z.array(z.record(z.string(), z.unknown())).optional(),
  parameters: z.array(z.object({ name: z.string(), in: z.string(), description: z.string().optional() })).optional(),
  requestBody: z
    .object({
      content: z.record(
        z.string(),
        z.object({
          schema: z.object({
            properties: z
              .object({ items: z.object({ items: z.object({ $ref: z.string().optional() }).optional() }).optional() })
              .optional(),
          }),
        }),
      ),
    })
    .optional(),
  responses: z.record(z.string(), z.object({ description: z.string() })),
});

export const apiDocumentShape = z.object({
  info: z.object({ title: z.string(), description: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), operation)),
  components: z.object({ schemas: z.record(z.string(), fieldSchema) }),
});

export type Operation = z.infer<typeof operation>;

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, public.
import { openApiDocument } from "@/lib/openapi/document";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

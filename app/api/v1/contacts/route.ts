// POST /api/v1/contacts — ingestion (docs/api.md): {"items": [...]}, API key with the ingest scope.
import { getDb } from "@/db/client";
import { withApiKey } from "@/lib/auth/route";
import { answerIngest } from "@/lib/http/ingest-answer";
import { problem } from "@/lib/http/problem";

export const POST = withApiKey("ingest", async (request, _context, caller) =>
  caller.kind === "api_key"
    ? answerIngest(request, await getDb(), "contacts", caller.key)
    : problem(401, "Unauthorized", "Ingestion takes an API key."),
);

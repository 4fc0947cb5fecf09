// POST /api/v1/cancel-sessions — starts a cancel session (docs/api.md#cancel-sessions): API key with the cancel scope.
import { getDb } from "@/db/client";
import { withApiKey } from "@/lib/auth/route";
import { cancelSettings } from "@/lib/env";
import { answerCreateCancelSession } from "@/lib/http/cancel-sessions-answer";
import { problem } from "@/lib/http/problem";

export const POST = withApiKey("cancel", async (request, _context, caller) =>
  caller.kind === "api_key"
    ? answerCreateCancelSession(request, await getDb(), caller.key, cancelSettings())
    : problem(401, "Unauthorized", "Creating a cancel session takes an API key."),
);

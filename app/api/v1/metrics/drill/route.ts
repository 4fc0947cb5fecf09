// GET /api/v1/metrics/drill — the accounts behind one figure (a churn month figure, a cohort cell
// or a reason bar), for the charts' drill-through lists.
import { getDb } from "@/db/client";
import { withUser } from "@/lib/auth/route";
import { answerDrill } from "@/lib/http/drill-answer";

export const GET = withUser("cs", async (request) => answerDrill(request, await getDb()));

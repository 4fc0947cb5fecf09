// Fuzzing the ingestion API's request handler (test/ingest-fuzz.ts): accounts, subscription events, activity.
import { setupTestDb } from "@/test/db";
import { fuzzIngest } from "@/test/ingest-fuzz";

const t = setupTestDb();

fuzzIngest(t, ["accounts", "subscription-events", "activity"]);

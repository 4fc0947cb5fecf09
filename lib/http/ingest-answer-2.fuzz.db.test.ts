// Fuzzing the ingestion API's request handler (test/ingest-fuzz.ts): contacts, signals and cancellations.
import { setupTestDb } from "@/test/db";
import { fuzzIngest } from "@/test/ingest-fuzz";

const t = setupTestDb();

fuzzIngest(t, ["contacts", "signals", "cancellations"]);

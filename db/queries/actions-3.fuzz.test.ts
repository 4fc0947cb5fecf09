// Fuzzing the server actions' arguments, file 3 of 3 (test/action-fuzz.ts).
import { fuzzActions } from "@/test/action-fuzz";
import { setupTestDb } from "@/test/db";

const t = setupTestDb();

fuzzActions(t, 2);

// npm run db:migrate — apply the committed migrations to the configured database.
import { withDatabase } from "@/db/open";
import { run } from "./run";

run(async () => {
  await withDatabase(async (handle) => {
    console.log(`Migrations applied (${handle.engine}).`);
  });
});

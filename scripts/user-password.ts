// npm run user:password -- --email E
// An admin's reset from the command line: prints a one-time password the user must change at their
// next sign-in, and ends their sessions. On the embedded database, stop the server first.
import { parseArgs } from "node:util";
import { withDatabase } from "@/db/open";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { findUserId, resetPassword } from "@/db/queries/passwords";
import { passwordResetCliSchema } from "@/lib/validation/users";
import { run } from "./run";

run(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" } } });
  const parsed = passwordResetCliSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  const { email } = parsed.data;
  // Opening the embedded database takes its lock: refused while the server holds the folder.
  await withDatabase(async ({ db }) => {
    const userId = await findUserId(db, email);
    if (!userId) throw new Error(`No user has the e-mail ${email}.`);
    const reset = await resetPassword(db, userId, { ...SYSTEM_ACTOR, label: "cli user:password" });
    console.log(`One-time password for ${reset.email}: ${reset.password}`);
    console.log("It works for one sign-in, then they must choose their own. Their sessions have ended.");
  });
});

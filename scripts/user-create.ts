// npm run user:create -- --email E --role admin|manager|cs --password P [--name N]
import { parseArgs } from "node:util";
import { withDatabase } from "@/db/open";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { createUser } from "@/db/queries/users";
import { createUserSchema } from "@/lib/validation/users";
import { run } from "./run";

run(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
    },
  });
  const parsed = createUserSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  await withDatabase(async ({ db }) => {
    const user = await createUser(db, parsed.data, { ...SYSTEM_ACTOR, label: "cli user:create" });
    console.log(`Created ${user.role} ${user.email} (${user.id}).`);
  });
});

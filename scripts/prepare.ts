// The first-start steps shared by `npm start` and `npm run dev`: the auth secret, migrate, demo data, logins.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import { inArray } from "drizzle-orm";
import { withDatabase } from "@/db/open";
import { users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo";
import { isEmpty, loadDataset } from "@/db/seed/load";
import { generatePreset } from "@/db/seed/presets";
import { dataDir, env } from "@/lib/env";

export interface Login {
  email: string;
  password: string;
  role: string;
}

/** The auth secret: from AUTH_SECRET, else generated once and kept in the data folder. */
export function authSecret(): string {
  const given = env().AUTH_SECRET;
  if (given) return given;
  const file = path.join(dataDir(), "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir(), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Migrates, loads the demo data into an empty database, and returns the demo logins that still work. */
export async function prepareDatabase(): Promise<Login[]> {
  return withDatabase(async ({ db, engine }) => {
    console.log(
      `Database: ${engine === "pglite" ? `embedded PGlite in ${dataDir()}` : "PostgreSQL (DATABASE_URL)"}, migrated.`,
    );
    if (env().SEED_DEMO && (await isEmpty(db))) {
      const started = Date.now();
      await loadDataset(db, generatePreset("demo", 1));
      console.log(`Loaded the demo data set in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
    const demo = await db
      .select({ email: users.email, passwordHash: users.passwordHash, active: users.active })
      .from(users)
      .where(
        inArray(
          users.email,
          DEMO_USERS.map((u) => u.email),
        ),
      );
    const logins: Login[] = [];
    for (const u of DEMO_USERS) {
      const row = demo.find((d) => d.email === u.email);
      if (row?.active && (await verify(row.passwordHash, u.password)))
        logins.push({ email: u.email, password: u.password, role: u.role });
    }
    return logins;
  });
}

export function printWelcome(url: string, logins: Login[]): void {
  console.log(`\nHoldfast is running at ${url}`);
  if (logins.length > 0) {
    console.log("Demo logins:");
    for (const l of logins) console.log(`  ${l.role.padEnd(8)} ${l.email.padEnd(26)} password: ${l.password}`);
  }
}

// Fuzzing the server actions' arguments, first of three files (test/action-fuzz.ts): here also the
// check that every exported action has a case.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_CASES } from "@/test/action-cases";
import { fuzzActions } from "@/test/action-fuzz";
import { setupTestDb } from "@/test/db";

const t = setupTestDb();

describe("every server action has a fuzzing case", () => {
  it("lists each exported action of lib/actions", () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith(".ts") && fs.readFileSync(full, "utf8").startsWith('"use server"'))
          for (const m of fs.readFileSync(full, "utf8").matchAll(/export async function (\w+Action)\(/g))
            found.push(m[1] ?? "");
      }
    };
    walk("lib/actions");
    // signOutAction takes no argument.
    expect(found.filter((a) => a !== "signOutAction").sort()).toEqual(ACTION_CASES.map((c) => c.action).sort());
  });
});

fuzzActions(t, 0);

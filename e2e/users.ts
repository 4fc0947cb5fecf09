// The demo users the e2e specs sign in as, and where their sessions are stored.
import { DEMO_USERS } from "@/db/seed/demo";

export const ROLES = ["cs", "manager", "admin"] as const;
export type E2eRole = (typeof ROLES)[number];

export function demoUser(role: E2eRole) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  return user;
}

export function storageState(role: E2eRole): string {
  return `e2e/.auth/${role}.json`;
}

// Roles and their order live in lib/values.ts (one source for the schema enum, zod and the UI).
export { ROLES, ROLE_LABEL, hasRole, type Role } from "@/lib/values";

// Roles and their order: each role may do everything the roles below it may.
export const ROLES = ["cs", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { cs: 1, manager: 2, admin: 3 };

export function hasRole(role: Role, minRole: Role): boolean {
  return RANK[role] >= RANK[minRole];
}

export const ROLE_LABEL: Record<Role, string> = { cs: "Customer success", manager: "Manager", admin: "Admin" };

// One zod schema per user input, shared by the CLI, forms and server actions.
import { z } from "zod";
import { calendarDate } from "./dates";
import { safeText, text } from "./text";
import { pageNumber } from "./page";
import type { AuditFilters, CreateUserInput } from "@/lib/types/users";
import { ROLES } from "@/lib/values";

export const signInSchema = z.object({
  email: text().trim().toLowerCase().max(254).email("Enter a valid e-mail address"),
  password: text().min(1, "Enter your password").max(200),
});

/** Every password a person chooses: at least 10 characters (argon2 takes any text up to 200). */
export const PASSWORD_MIN = 10;
const newPassword = (label: string, end = "") =>
  text()
    .min(PASSWORD_MIN, `${label} must be at least ${PASSWORD_MIN} characters${end}`)
    .max(200, `${label} must be at most 200 characters${end}`);

export const createUserSchema = z.object({
  email: text().trim().toLowerCase().max(254).email("email must be a valid e-mail address"),
  name: text().trim().min(1, "name must not be empty").max(120).optional(),
  role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(", ")}` }),
  password: newPassword("password"),
}) satisfies z.ZodType<CreateUserInput>;

/** The admin page's new-user form: the password is generated and shown once. */
export const inviteUserSchema = createUserSchema.omit({ password: true }).strict();
export const setRoleSchema = z.object({ userId: text().min(1).max(100), role: z.enum(ROLES) }).strict();
export const setActiveSchema = z.object({ userId: text().min(1).max(100), active: z.boolean() }).strict();
export const resetPasswordSchema = z.object({ userId: text().min(1).max(100) }).strict();
/** `npm run user:password -- --email E`. */
export const passwordResetCliSchema = z.object({
  email: text().trim().toLowerCase().max(254).email("email must be a valid e-mail address"),
});

/** A signed-in user's own change: the current password, and the new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: text().min(1, "Enter your current password.").max(200),
    newPassword: newPassword("The new password", "."),
    confirmPassword: text().max(200),
  })
  .strict()
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const auditFiltersSchema = z.object({
  actor: safeText(200).optional().catch(undefined),
  action: safeText(100).optional().catch(undefined),
  entity: safeText(100).optional().catch(undefined),
  /** Words in the entity id or the actor's label. */
  q: text().trim().max(200).optional().catch(undefined),
  from: calendarDate().optional().catch(undefined),
  to: calendarDate().optional().catch(undefined),
  page: pageNumber().default(1).catch(1),
}) satisfies z.ZodType<AuditFilters>;

// One zod schema per user input, shared by the CLI, forms and server actions.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address"),
  password: z.string().min(1, "Enter your password").max(200),
});

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("email must be a valid e-mail address"),
  name: z.string().trim().min(1, "name must not be empty").max(120).optional(),
  role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(", ")}` }),
  password: z.string().min(10, "password must be at least 10 characters").max(200),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

// The customer's cancel page posts plain HTML forms: the step the form was on, the button pressed
// (`action`) and that button's fields. Checked here before the session's state machine sees them.
import { z } from "zod";
import { CANCEL_STEPS } from "@/lib/values";
import { safeText } from "./text";

/** The buttons of the page's forms (db/queries/cancel-sessions.ts CancelAction names what each does). */
export const CANCEL_PAGE_ACTIONS = [
  "continue",
  "reason",
  "follow_up",
  "accept",
  "talk",
  "decline",
  "confirm",
  "back",
  "cancel",
] as const;
export type CancelPageAction = (typeof CANCEL_PAGE_ACTIONS)[number];

/** The longest answer the follow-up takes (the textarea's maxlength says the same). */
export const FREE_TEXT_MAX = 5000;

export const cancelPagePostSchema = z.object({
  step: z.enum(CANCEL_STEPS, { message: "The form did not say which step it was on; please use the page's buttons." }),
  action: z.enum(CANCEL_PAGE_ACTIONS, { message: "The form sent no known button; please use the page's buttons." }),
  reason: safeText(64).optional(),
  freeText: safeText(FREE_TEXT_MAX).optional(),
  months: z
    .string()
    .regex(/^\d{1,2}$/, "must be a whole number of months")
    .transform(Number)
    .optional(),
});

export type CancelPagePost = z.infer<typeof cancelPagePostSchema>;

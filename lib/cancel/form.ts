// Reads the cancel page's url-encoded form into the step it was on and the action for the
// session's state machine, or the words of what was wrong with it.
import type { CancelAction } from "@/db/queries/cancel-sessions";
import { type CancelPagePost, FREE_TEXT_MAX, cancelPagePostSchema } from "@/lib/validation/cancel-page";
import type { CancelStep } from "@/lib/values";

/** `freeText` is what the customer typed, shown again with a refusal. */
export type ParsedCancelForm =
  | { ok: true; step: CancelStep; action: CancelAction; freeText: string | null }
  | { ok: false; message: string; freeText: string | null };

const FIELD_WORDS: Record<string, string> = {
  reason: "The reason",
  freeText: "Your answer",
  months: "The number of months",
};

function actionOf(post: CancelPagePost): CancelAction {
  switch (post.action) {
    case "reason":
      // No reason ticked: the state machine words the refusal ("Please choose one of the reasons.").
      return { kind: "reason", code: post.reason ?? "" };
    case "follow_up":
      return { kind: "follow_up", text: post.freeText ?? "" };
    case "accept":
      return { kind: "accept", months: post.months };
    default:
      return { kind: post.action };
  }
}

/** The form's fields (the first of each name, as a browser sends one) checked and turned into an action. */
export function parseCancelForm(body: string): ParsedCancelForm {
  const params = new URLSearchParams(body);
  const field = (name: string) => params.get(name) ?? undefined;
  const parsed = cancelPagePostSchema.safeParse({
    step: field("step"),
    action: field("action"),
    reason: field("reason"),
    freeText: field("freeText"),
    months: field("months") || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "");
    const words = FIELD_WORDS[name];
    const freeText = field("freeText") ?? null;
    if (name === "freeText" && issue?.code === "too_big")
      return {
        ok: false,
        message: `Your answer is too long: please keep it to ${FREE_TEXT_MAX} characters.`,
        freeText,
      };
    const message = words ? `${words} ${issue?.message ?? "is not valid"}.` : (issue?.message ?? "");
    return { ok: false, message, freeText };
  }
  const post = parsed.data;
  return { ok: true, step: post.step, action: actionOf(post), freeText: post.freeText ?? null };
}

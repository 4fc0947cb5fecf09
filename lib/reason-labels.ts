// How an answer names its reason: the category it is filed under, and the option the customer
// picked only when that says something the category's name does not.
import { formatLabel } from "@/lib/format";
import { NO_ANSWER_REASON } from "@/lib/values";

/** What a cancel pressed before choosing any reason is called wherever an answer is listed. */
export const NO_ANSWER_LABEL = "No answer given";

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 3 ? w.replace(/s$/, "") : w));

/** The reason code as words, or null when every word of it is in the category's name already. */
export function reasonCodeNote(categoryName: string, reasonCode: string): string | null {
  if (reasonCode === NO_ANSWER_REASON) return NO_ANSWER_LABEL;
  const name = new Set(words(categoryName));
  const code = words(reasonCode.replace(/_/g, " "));
  if (code.length === 0 || code.every((w) => name.has(w))) return null;
  return formatLabel(reasonCode);
}

/** A reason code as people read it: `too_expensive` → "Too expensive", `no_answer` → "No answer given". */
export function reasonCodeLabel(reasonCode: string): string {
  return reasonCode === NO_ANSWER_REASON ? NO_ANSWER_LABEL : formatLabel(reasonCode);
}

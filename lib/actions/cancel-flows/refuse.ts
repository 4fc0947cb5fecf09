// The refusal a cancel-flow action returns for a refusal's words (refusal-words.ts).
import "server-only";
import { Refusal } from "@/lib/actions/safe-action";
import type { RefusalWords } from "./refusal-words";

export function refusalOf(words: RefusalWords): Refusal {
  const { status, error, ...details } = words;
  return new Refusal(status, error, details);
}

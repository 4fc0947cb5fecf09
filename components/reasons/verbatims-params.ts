// The verbatims list's own URL state (category, words to find, page), beside the metrics filters, so
// a link reproduces the list. A value that cannot be one reads as absent.
import { createParser, useQueryStates } from "nuqs";
import { isSafeText } from "@/lib/input-checks";

const text = (max: number) =>
  createParser({
    parse: (v) => (v.trim() !== "" && isSafeText(v, max) ? v : null),
    serialize: (v: string) => v,
  });

const page = createParser({
  parse: (v) => (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 10_000 ? Number(v) : null),
  serialize: (v: number) => String(v),
});

export const verbatimsParsers = {
  vcategory: text(100),
  vq: text(200),
  vpage: page.withDefault(1),
};

export function useVerbatimsParams() {
  return useQueryStates(verbatimsParsers);
}

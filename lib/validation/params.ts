// The notice checks of a page whose search params a zod schema reads (accounts, at risk, the
// audit log, the workbench): each field's own schema, without the `.catch` that ignores a bad
// value, says why it would be ignored.
import { z } from "zod";
import { type ParamCheck, type ParamNotice, type SearchInput, paramNotices } from "@/lib/filters";

/** A zod issue as the end of "Ignored key=value: …". */
function reason(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "not a value this page reads";
  // A schema's own message ("must be a real date…") says it best; zod's defaults are rephrased.
  if (!/^(Invalid|Too (big|small))/.test(issue.message)) return issue.message.replace(/^must be /, "not ");
  switch (issue.code) {
    case "invalid_value":
      return `not one of ${issue.values.map(String).join(", ")}`;
    case "invalid_type":
      return issue.expected === "int" ? "not a whole number" : `not a ${issue.expected}`;
    case "too_big":
      return issue.origin === "string"
        ? `longer than ${String(issue.maximum)} characters`
        : `more than ${String(issue.maximum)}`;
    case "too_small":
      return issue.origin === "string" ? "empty" : `less than ${String(issue.minimum)}`;
    default:
      return "not a value this page reads";
  }
}

// The core type: what a ZodCatch unwraps to, and what z.safeParse takes.
function withoutCatch(schema: z.core.$ZodType): z.core.$ZodType {
  return schema instanceof z.ZodCatch ? schema.unwrap() : schema;
}

/** One check per field of the schema: null when the field's schema takes the value, else why not. */
export function schemaChecks(schema: z.ZodObject): Record<string, ParamCheck> {
  return Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const strict = withoutCatch(field);
      const check: ParamCheck = (value) => {
        const parsed = z.safeParse(strict, value);
        return parsed.success ? null : reason(parsed.error.issues[0]);
      };
      return [key, check];
    }),
  );
}

/** The notices of a page that reads its search params with this schema. */
export function searchNotices(schema: z.ZodObject, search: SearchInput): ParamNotice[] {
  return paramNotices(search, schemaChecks(schema));
}

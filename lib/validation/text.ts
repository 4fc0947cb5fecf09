// Text PostgreSQL can store: every Unicode character but NUL (a text column refuses it) and lone
// surrogates (no UTF-8 exists for them, and jsonb refuses their escapes).
import { z } from "zod";
import { hasLoneSurrogate } from "@/lib/input-checks";

export const NO_NUL = /^[^\u0000]*$/;
export const NUL_MESSAGE = "must not contain the NUL character (\\u0000)";
export const SURROGATE_MESSAGE = "must not contain a lone surrogate (half of a UTF-16 pair)";

/**
 * A missing field reads "is required", another type "must be text" (zod's default names types);
 * every other issue keeps its own message.
 */
const TEXT_ERROR = {
  error: (issue: { code?: string; input?: unknown }) =>
    issue.code === "invalid_type" ? (issue.input === undefined ? "is required" : "must be text") : undefined,
};

/** A string schema that names the field's NUL or lone surrogate instead of failing in the database. */
export const text = (params?: Parameters<typeof z.string>[0]) =>
  z
    .string(params ?? TEXT_ERROR)
    .regex(NO_NUL, NUL_MESSAGE)
    .refine((s) => !hasLoneSurrogate(s), SURROGATE_MESSAGE);

/** Storable text of at most `max` characters. */
export const safeText = (max: number, params?: Parameters<typeof z.string>[0]) =>
  text(params).max(max, `must be at most ${max} characters`);

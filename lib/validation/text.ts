// Text PostgreSQL can store: every Unicode character but NUL, which a text column refuses.
import { z } from "zod";

export const NO_NUL = /^[^\u0000]*$/;
export const NUL_MESSAGE = "must not contain the NUL character (\\u0000)";

/** A string schema that names the field's NUL character instead of failing in the database. */
export const text = (params?: Parameters<typeof z.string>[0]) => z.string(params).regex(NO_NUL, NUL_MESSAGE);

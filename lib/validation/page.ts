// The page of a paged list in a URL, the same on the server as the browser's parser reads it: plain
// digits from 1 to 100 000. A number (what a URL loader made of it) passes the same bounds.
import { z } from "zod";
import { MAX_PAGE, isPageNumber } from "@/lib/input-checks";

const MESSAGE = `must be a whole number from 1 to ${MAX_PAGE}`;

export const pageNumber = () =>
  z
    .union([z.number(), z.string()])
    .refine((v) => (typeof v === "number" ? isPageNumber(String(v)) : isPageNumber(v)), MESSAGE)
    .transform(Number);

// The reader's formatter on the server, once per request: pages and the root layout (which hands
// the same locale and zone to the browser's FormatProvider, so both render alike).
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { type Formatter, makeFormatter } from "./format";
import { TIME_ZONE_COOKIE, pickLocale, pickTimeZone } from "./locale";

export const readerLocale = cache(async (): Promise<{ locale: string; timeZone: string }> => {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return { locale: pickLocale(h.get("accept-language")), timeZone: pickTimeZone(c.get(TIME_ZONE_COOKIE)?.value) };
});

/** One formatter per request: every server component of the page shares its Intl objects. */
export const getFormat = cache(async (): Promise<Formatter> => {
  const { locale, timeZone } = await readerLocale();
  return makeFormatter(locale, timeZone);
});

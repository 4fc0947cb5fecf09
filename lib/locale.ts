// The reader's locale and time zone: the locale from Accept-Language (the first tag this runtime's
// Intl supports, by weight), the time zone from the cookie the browser sets (components/providers/
// format-provider.tsx). Anything unknown falls back to en-US and UTC.
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from "./format";

export const TIME_ZONE_COOKIE = "holdfast-tz";

export function pickLocale(acceptLanguage: string | null | undefined): string {
  const tags = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((t) => t.tag && t.tag !== "*" && t.weight > 0 && t.tag.length <= 35)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { tag } of tags) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // Not a well-formed language tag: try the next.
    }
  }
  return DEFAULT_LOCALE;
}

export function pickTimeZone(value: string | null | undefined): string {
  if (!value || value.length > 64) return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

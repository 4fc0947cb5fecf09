"use client";
// The reader's formatter for client components, from the locale and zone the server picked, so
// server and browser render the same text. The browser's own time zone is kept in a cookie: when it
// differs from what the server used, the cookie is set and the page re-rendered once.
import { useRouter } from "next/navigation";
import { createContext, use, useEffect, useMemo } from "react";
import { type Formatter, makeFormatter } from "@/lib/format";
import { TIME_ZONE_COOKIE } from "@/lib/locale";

const FormatContext = createContext<Formatter>(makeFormatter());

export function FormatProvider({
  locale,
  timeZone,
  children,
}: {
  locale: string;
  timeZone: string;
  children: React.ReactNode;
}) {
  const format = useMemo(() => makeFormatter(locale, timeZone), [locale, timeZone]);
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === timeZone) return;
    const stored = document.cookie.split("; ").find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`));
    if (stored && decodeURIComponent(stored.slice(TIME_ZONE_COOKIE.length + 1)) === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [timeZone, router]);
  return <FormatContext value={format}>{children}</FormatContext>;
}

export function useFormat(): Formatter {
  return use(FormatContext);
}

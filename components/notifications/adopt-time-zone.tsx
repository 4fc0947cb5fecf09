"use client";
// At first sign-in the browser's time zone becomes the user's digest zone (once: the server keeps a
// zone already set). Renders nothing.
import { useEffect } from "react";
import { adoptTimeZoneAction } from "@/lib/actions/notifications/adopt-time-zone";

export function AdoptTimeZone({ needed }: { needed: boolean }) {
  useEffect(() => {
    if (!needed) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) void adoptTimeZoneAction({ timeZone: zone });
  }, [needed]);
  return null;
}

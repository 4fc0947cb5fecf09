"use client";
// While deliveries on screen wait for a try, the server data is read again every few seconds, so
// the log shows each attempt as the worker makes it.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function WebhooksRefresh({ everyMs = 4000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}

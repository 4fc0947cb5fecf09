"use client";
// Sets <html data-hydrated="true"> once the page has hydrated, so the e2e specs (e2e/hydrated.ts)
// wait for that instead of a quiet network.
import { useEffect } from "react";

export function HydrationMarker() {
  useEffect(() => {
    // This effect runs once the shell has hydrated; React hydrates the finished Suspense boundaries
    // after it, in tasks queued one after another. The first idle moment after the page has loaded
    // comes after the last of them, when every handler and effect of the page is in place. On a busy
    // machine a page whose charts animate may see no idle moment for a long while (CI saw /reasons
    // unmarked after 10 s with every chart drawn): after 1.5 s the mark is set anyway, by then far
    // behind the boundaries' hydration tasks.
    const idle = (run: () => void) =>
      typeof window.requestIdleCallback === "function"
        ? window.requestIdleCallback(run, { timeout: 1500 })
        : window.setTimeout(run, 50);
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    let pending = 0;
    const mark = () => {
      pending = idle(() => {
        document.documentElement.dataset.hydrated = "true";
      });
    };
    if (document.readyState === "complete") mark();
    else window.addEventListener("load", mark, { once: true });
    return () => {
      window.removeEventListener("load", mark);
      cancel(pending);
    };
  }, []);
  return null;
}

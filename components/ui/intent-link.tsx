"use client";
// A link that prefetches its page when a person shows the intent to follow it (pointer over it, or
// keyboard focus on it), not as soon as it is on screen. Every page of the dashboard is rendered per
// request from the database, so prefetching each link of the navigation on every page view would
// render ten pages for one: on a small self-hosted server that is the difference between a quiet
// database and a busy one.
import Link from "next/link";
import { type ComponentProps, useState } from "react";

export function IntentLink({ onMouseEnter, onFocus, ...props }: ComponentProps<typeof Link>) {
  const [wanted, setWanted] = useState(false);
  return (
    <Link
      {...props}
      prefetch={wanted ? null : false}
      onMouseEnter={(event) => {
        setWanted(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setWanted(true);
        onFocus?.(event);
      }}
    />
  );
}

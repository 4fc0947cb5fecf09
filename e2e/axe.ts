// axe-core on the page as it is now, in the colour scheme the page was set to. The light theme gets
// every WCAG 2.1 A/AA rule. The dark theme follows the system setting in CSS alone and changes colours
// and nothing else (the same elements, names, roles and order), so it gets the rules that read colours:
// text contrast, and links told apart from the text around them. The other rules would repeat the
// light pass's answer at the cost of a second full pass over the page.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

type Result = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

export async function axeViolations(page: Page, scheme: "light" | "dark"): Promise<Result[]> {
  const axe = new AxeBuilder({ page });
  const { violations } = await (scheme === "light" ? axe.withTags(WCAG_TAGS) : axe.withRules(COLOUR_RULES)).analyze();
  return violations;
}

export const seriousOrCritical = (v: Result) => v.impact === "serious" || v.impact === "critical";

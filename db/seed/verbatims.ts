// Free-text cancellation answers that read like real customers: varied length, tone and detail.
import { STRIPE_FEEDBACK_CODES } from "@/lib/values";
import type { Rng } from "./random";

export const REASON_CODES = [...STRIPE_FEEDBACK_CODES, "other"] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const COMPETITORS = [
  "ChartMogul",
  "Baremetrics",
  "ProfitWell",
  "Vitally",
  "Gainsight",
  "ChurnZero",
  "Totango",
  "Planhat",
];

const LINES: Record<ReasonCode, string[]> = {
  too_expensive: [
    "Too expensive for what we use.",
    "We're a team of three, the price just doesn't make sense for us anymore.",
    "The last price increase was the final straw.",
    "Honestly it's a great tool but we can't justify the cost this year.",
    "We only use the dashboards. Paying for the full plan feels wasteful.",
    "price went up 40% at renewal with no warning",
    "Cheaper options do 80% of this.",
    "Our finance team flagged it in the software audit. Too pricey per seat.",
  ],
  missing_features: [
    "No Salesforce integration, and that's where our whole team lives.",
    "We needed SSO and it's only on the enterprise plan.",
    "Missing multi-currency support. We bill in EUR and GBP.",
    "Couldn't export the reports the way our board wants them.",
    "We asked for custom fields a year ago. Still not there.",
    "needs an API that actually lets us write data back",
    "No mobile app for the field team.",
    "Lacks role-based permissions, which our compliance team requires.",
  ],
  switched_service: [
    "Moving to {competitor}, which the rest of the company already uses.",
    "We consolidated tools and {competitor} won.",
    "Switched to {competitor}. Their onboarding was much smoother.",
    "{competitor} gave us a deal we couldn't refuse.",
    "going with {competitor}",
    "Our new VP brought {competitor} with her from her last job.",
  ],
  unused: [
    "We never really got the team to use it.",
    "Nobody logged in after the first month.",
    "Bought it for a rollout that never happened.",
    "The person who championed it left the company.",
    "We just don't need it right now.",
    "not using it",
    "Turns out our process is simple enough for a shared doc.",
  ],
  customer_service: [
    "Waited nine days for a reply to a billing question.",
    "Support kept closing our ticket without fixing the issue.",
    "Every answer from support was a link to the same help article.",
    "We were promised a dedicated CSM and never heard from anyone.",
    "Three tickets about the same sync bug and nobody followed up.",
    "support is slow and doesn't read what we write",
  ],
  too_complex: [
    "Too complicated for our team. We spent more time configuring it than using it.",
    "The setup took weeks and we still don't trust the numbers.",
    "Our managers found the interface confusing.",
    "Too many settings. We just wanted a simple view of our accounts.",
    "Onboarding new people takes forever, nobody gets it without training.",
    "way too complex",
  ],
  low_quality: [
    "The sync broke twice in a month and we lost a week of data.",
    "Dashboards take 30+ seconds to load. Every single time.",
    "Numbers didn't match our billing system and we couldn't figure out why.",
    "Too many bugs. The CSV import fails silently.",
    "The app was down during our quarterly review. Embarrassing.",
    "Charts randomly show zero and then fix themselves on reload.",
  ],
  other: [
    "The project we bought this for has ended.",
    "We're shutting the company down. Thanks for everything.",
    "We were acquired and the parent company has its own tooling.",
    "Budget freeze across the whole company, nothing personal.",
    "Our contract with the client this was for has ended.",
    "Pausing all software spend until next fiscal year.",
    "Restructuring. The team that used this no longer exists.",
    "Company is winding down operations.",
  ],
};

const ANGRY = [
  "Really disappointed.",
  "Frankly, this has been a waste of money.",
  "Don't bother trying to win us back.",
  "I expected a lot better.",
  "NOT happy.",
];
const KIND = [
  "The team was lovely though, thank you.",
  "Nothing against you, it's been a good run.",
  "We might come back next year.",
  "Thanks for the help along the way!",
  "Keep up the good work, it just isn't for us.",
];
const DETAIL = [
  "We've been customers for a while and tried to make it work.",
  "I raised this with our account manager back in the spring.",
  "We compared three tools before deciding.",
  "This was a hard decision for the team.",
];
const SAVED = [
  "Happy to stay if the discount holds.",
  "Taking the pause, we'll see after the quarter.",
  "Ok, a smaller plan makes more sense for now.",
  "Happy to talk about it if it helps.",
];

export interface Verbatim {
  freeText: string | null;
  competitor: string | null;
}

/** A free-text answer; `kept` answers (the customer took a save offer) are never hostile. */
export function verbatim(rng: Rng, code: ReasonCode, kept = false): Verbatim {
  const competitor = code === "switched_service" || rng.chance(0.04) ? rng.pick(COMPETITORS) : null;
  // Many customers skip the free-text box.
  if (rng.chance(0.22)) return { freeText: null, competitor };
  const parts = [rng.pick(LINES[code]).replace("{competitor}", competitor ?? "another tool")];
  const tone = kept ? rng.weighted({ neutral: 6, angry: 0, kind: 2 }) : rng.weighted({ neutral: 6, angry: 2, kind: 2 });
  if (rng.chance(0.35)) parts.unshift(rng.pick(DETAIL));
  if (tone === "angry") parts.push(rng.pick(ANGRY));
  if (tone === "kind") parts.push(rng.pick(KIND));
  if (kept && rng.chance(0.5)) parts.push(rng.pick(SAVED));
  if (rng.chance(0.15)) parts.push(rng.pick(LINES[code]).replace("{competitor}", competitor ?? "another tool"));
  const text = [...new Set(parts)].join(" ");
  return { freeText: rng.chance(0.1) ? text.toLowerCase() : text, competitor };
}

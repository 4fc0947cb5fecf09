// Turning CSV rows into ingestion items: column guesses from the header, and cell conversion
// (numbers written 84 or 84.0, amounts in currency units or cents, dates without a zone).

export const IMPORT_KINDS = ["accounts", "contacts", "subscription-events", "cancellations"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const isImportKind = (kind: string): kind is ImportKind => IMPORT_KINDS.some((k) => k === kind);

export interface FieldSpec {
  name: string;
  kind: "text" | "integer" | "money" | "instant" | "boolean";
  required: boolean;
  /** Header names (normalised: lower case, letters and digits only) this field is guessed from. */
  guesses: string[];
}

export const FIELDS: Record<ImportKind, FieldSpec[]> = {
  accounts: [
    {
      name: "externalId",
      kind: "text",
      required: true,
      guesses: ["externalid", "customerid", "accountid", "id", "customer"],
    },
    {
      name: "name",
      kind: "text",
      required: true,
      guesses: ["name", "company", "companyname", "accountname", "customername"],
    },
    { name: "domain", kind: "text", required: false, guesses: ["domain", "website", "url"] },
    { name: "plan", kind: "text", required: false, guesses: ["plan", "tier", "contract", "product"] },
    { name: "segment", kind: "text", required: false, guesses: ["segment", "size"] },
    { name: "seatsPaid", kind: "integer", required: false, guesses: ["seatspaid", "seats", "licenses", "users"] },
    { name: "ownerEmail", kind: "text", required: false, guesses: ["owneremail", "owner", "csm", "csmemail"] },
    { name: "trialEndsAt", kind: "instant", required: false, guesses: ["trialendsat", "trialend", "trialends"] },
    {
      name: "renewsAt",
      kind: "instant",
      required: false,
      guesses: ["renewsat", "renewal", "renewaldate", "renews", "contractend", "currentperiodend"],
    },
    {
      name: "contractMonths",
      kind: "integer",
      required: false,
      guesses: ["contractmonths", "term", "termmonths", "contractterm", "contractlength"],
    },
  ],
  contacts: [
    {
      name: "accountExternalId",
      kind: "text",
      required: true,
      guesses: ["accountexternalid", "customerid", "accountid", "customer", "account"],
    },
    { name: "email", kind: "text", required: true, guesses: ["email", "emailaddress", "contactemail", "mail"] },
    { name: "name", kind: "text", required: false, guesses: ["name", "contactname", "fullname", "contact"] },
    { name: "role", kind: "text", required: true, guesses: ["role", "contactrole", "type"] },
    { name: "leftAt", kind: "instant", required: false, guesses: ["leftat", "left", "departedat", "leftcompany"] },
  ],
  "subscription-events": [
    {
      name: "accountExternalId",
      kind: "text",
      required: true,
      guesses: ["accountexternalid", "customerid", "accountid", "customer", "account"],
    },
    {
      name: "occurredAt",
      kind: "instant",
      required: true,
      guesses: ["occurredat", "date", "timestamp", "time", "created", "eventdate"],
    },
    { name: "type", kind: "text", required: true, guesses: ["type", "event", "eventtype", "kind"] },
    {
      name: "mrrAfterCents",
      kind: "money",
      required: false,
      guesses: ["mrraftercents", "mrrcents", "mrr", "amount", "monthlycharges", "mrrafter"],
    },
    { name: "externalId", kind: "text", required: false, guesses: ["externalid", "eventid", "id"] },
  ],
  cancellations: [
    {
      name: "accountExternalId",
      kind: "text",
      required: true,
      guesses: ["accountexternalid", "customerid", "accountid", "customer", "account"],
    },
    {
      name: "submittedAt",
      kind: "instant",
      required: true,
      guesses: ["submittedat", "date", "timestamp", "canceledat", "createdat"],
    },
    { name: "reasonCode", kind: "text", required: true, guesses: ["reasoncode", "reason", "feedback"] },
    {
      name: "freeText",
      kind: "text",
      required: false,
      guesses: ["freetext", "comment", "comments", "text", "verbatim", "answer"],
    },
    { name: "competitor", kind: "text", required: false, guesses: ["competitor"] },
    { name: "offerShown", kind: "text", required: false, guesses: ["offershown", "offer"] },
    { name: "offerAccepted", kind: "boolean", required: false, guesses: ["offeraccepted", "accepted"] },
    { name: "outcome", kind: "text", required: true, guesses: ["outcome", "result", "status"] },
    { name: "externalId", kind: "text", required: false, guesses: ["externalid", "responseid", "id"] },
  ],
};

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

/** field name → CSV column, guessed from the header; each column is used at most once. */
export function guessMapping(kind: ImportKind, header: string[]): Record<string, string | null> {
  const used = new Set<string>();
  const out: Record<string, string | null> = {};
  for (const field of FIELDS[kind]) {
    let found: string | null = null;
    for (const g of field.guesses) {
      found = header.find((h) => !used.has(h) && normalise(h) === g) ?? null;
      if (found) break;
    }
    if (found) used.add(found);
    out[field.name] = found;
  }
  return out;
}

export interface ConvertOptions {
  /** Amounts are in currency units (84.50) rather than cents (8450). */
  moneyInUnits: boolean;
  /** Read a date or time without a zone as UTC. */
  assumeUtc: boolean;
}

/** True when the money column holds decimals, so it is most likely in currency units. */
export function guessMoneyInUnits(values: string[]): boolean {
  return values.some((v) => /^\s*-?\d+\.\d+\s*$/.test(v) && !/\.0+\s*$/.test(v));
}

function instant(raw: string, assumeUtc: boolean): string {
  const v = raw.trim();
  if (!assumeUtc || /(Z|[+-]\d{2}:?\d{2})$/i.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v))
    return `${v.replace(" ", "T")}${v.length === 16 ? ":00" : ""}Z`;
  return v;
}

function cell(spec: FieldSpec, raw: string, o: ConvertOptions): unknown {
  const v = raw.trim();
  switch (spec.kind) {
    case "text":
      return v;
    case "integer":
      return /^-?\d+(\.0+)?$/.test(v) ? Number.parseInt(v, 10) : v;
    case "money": {
      const n = Number(v.replace(/[$€£,\s]/g, ""));
      if (!Number.isFinite(n) || v === "") return v;
      return Math.round(o.moneyInUnits ? n * 100 : n);
    }
    case "instant":
      return instant(v, o.assumeUtc);
    case "boolean":
      return /^(true|yes|y|1)$/i.test(v) ? true : /^(false|no|n|0)$/i.test(v) ? false : v;
  }
}

/**
 * One CSV row as an ingestion item. Empty cells are left out. Events and answers without an
 * externalId get one made from their content, so importing the same file twice adds nothing.
 */
export function rowToItem(
  kind: ImportKind,
  row: Record<string, string>,
  mapping: Record<string, string | null>,
  o: ConvertOptions,
): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const spec of FIELDS[kind]) {
    const column = mapping[spec.name];
    const raw = column ? row[column] : undefined;
    if (raw === undefined || raw.trim() === "") continue;
    item[spec.name] = cell(spec, raw, o);
  }
  if (kind !== "accounts" && item.externalId === undefined) {
    const text = JSON.stringify(item);
    item.externalId = `csv:${contentHash(text, 1)}${contentHash(text, 2)}`;
  }
  return item;
}

/** cyrb53: a fast 53-bit string hash that runs in the browser too; two seeds give 106 bits. */
function contentHash(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, "0");
}

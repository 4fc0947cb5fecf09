// Company names and domains for the demo data set.
import type { Rng } from "./random";

const FIRST = [
  "Northwind", "Bluebird", "Cedar", "Harbor", "Juniper", "Summit", "Lumen", "Pioneer", "Copper", "Maple",
  "Granite", "Atlas", "Beacon", "Orchid", "Falcon", "Willow", "Quarry", "Riverbend", "Sable", "Tidewater",
  "Ironwood", "Kestrel", "Meadow", "Nimbus", "Oakridge", "Palisade", "Redwood", "Silverline", "Thistle", "Upland",
  "Vantage", "Wildflower", "Yarrow", "Zephyr", "Alder", "Brightwater", "Crescent", "Driftwood", "Evergreen", "Foxglove",
  "Goldfinch", "Highland", "Indigo", "Jasper", "Keystone", "Lakeshore", "Mosaic", "Northstar", "Onyx", "Prairie",
  "Quill", "Rosewood", "Saltmarsh", "Tamarack", "Umber", "Verity", "Westwind", "Arbor", "Bramble", "Cobalt",
];
const SECOND = [
  "Analytics", "Logistics", "Health", "Labs", "Studio", "Partners", "Foods", "Dental", "Legal", "Robotics",
  "Energy", "Freight", "Media", "Capital", "Clinics", "Apparel", "Outfitters", "Engineering", "Software", "Learning",
  "Realty", "Insurance", "Marketing", "Design", "Hospitality", "Fitness", "Pharma", "Security", "Biotech", "Ventures",
  "Systems", "Cloud", "Data", "Commerce", "Networks", "Solutions", "Collective", "Supply", "Goods", "Works",
  "Payments", "Mobility", "Recruiting", "Architects", "Brewing", "Veterinary", "Academy", "Events", "Travel", "Printing",
];
const SUFFIX = ["", "", "", " Inc.", " Co.", " Group", " LLC", " GmbH", " Ltd"];

export function companyName(rng: Rng, taken: Set<string>): { name: string; domain: string } {
  for (let attempt = 0; ; attempt++) {
    const first = rng.pick(FIRST);
    const second = rng.pick(SECOND);
    const base = attempt < 20 ? `${first} ${second}` : `${first} ${second} ${attempt}`;
    if (taken.has(base)) continue;
    taken.add(base);
    const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, "");
    const tld = rng.pick([".com", ".com", ".com", ".io", ".co", ".de", ".co.uk"]);
    return { name: base + rng.pick(SUFFIX), domain: slug + tld };
  }
}

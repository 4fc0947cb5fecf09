// The one Holdfast schema: every table, re-exported for drizzle and the queries.
export * from "./enums";
export * from "./users";
export * from "./accounts";
export * from "./contacts";
export * from "./activity";
export * from "./signals";
export * from "./reasons";
export * from "./triage";
export * from "./health";
export * from "./audit";
export * from "./rollups";
export * from "./idempotency";
export * from "./jobs";
export * from "./webhooks";
export * from "./cancel";
export * from "./alerts";

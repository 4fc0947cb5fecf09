// An experiment's variant for a cancel session (SPEC §7): a hash of the session id, so a session
// keeps its variant however often its page is opened, the split needs no stored random draw, and a
// test can say which variant an id gets.
import { createHash } from "node:crypto";

export type Variant = "A" | "B";

/** Where `sessionId` falls in [0, 1): the first 32 bits of its SHA-256, over 2³². */
export function variantPosition(sessionId: string): number {
  return createHash("sha256").update(sessionId).digest().readUInt32BE(0) / 2 ** 32;
}

/** Variant B for a `shareB` fraction of sessions (0 to 1), A for the rest. */
export function variantFor(sessionId: string, shareB: number): Variant {
  return variantPosition(sessionId) < shareB ? "B" : "A";
}

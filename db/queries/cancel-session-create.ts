// A cancel session made through the API: in one transaction, its Idempotency-Key claimed, the
// default flow made when the installation has none, the session written, audited, and its answer
// kept for the key's retries — so a retry replays the first answer and never makes a second session.
import type { Db } from "@/db/client";
import type { CancelFlowContent } from "@/lib/types/cancel-flow";
import type { Actor } from "@/lib/types/session";
import { recordAudit } from "./audit";
import { ensureDefaultFlow } from "./cancel-flow-match";
import {
  type CreateCancelSessionInput,
  type CreateCancelSessionResult,
  type CreatedCancelSession,
  createCancelSession,
} from "./cancel-sessions";
import { type IdempotencyClaim, type KeptAnswer, claimInTransaction, keepAnswer } from "./idempotency";
import { retrying } from "./ingest";

export type CreateCancelSessionOnce =
  | { kind: "done"; result: CreateCancelSessionResult }
  | { kind: "replay"; kept: KeptAnswer }
  | { kind: "running" }
  | { kind: "mismatch" };

export async function createApiCancelSession(
  db: Db,
  input: {
    session: CreateCancelSessionInput;
    apiKeyId: string;
    actor: Actor;
    minutes: number;
    /** The flow an installation without one starts with (lib/cancel/defaults.ts). */
    defaultFlow: { name: string; content: CancelFlowContent };
    claim?: IdempotencyClaim | undefined;
    /** The answer a made session keeps for its key's retries. */
    keep: (made: CreatedCancelSession) => KeptAnswer;
    now?: Date | undefined;
  },
): Promise<CreateCancelSessionOnce> {
  return retrying(db, async (tx): Promise<CreateCancelSessionOnce> => {
    const now = input.now ?? new Date();
    if (input.claim) {
      const found = await claimInTransaction(tx, input.claim);
      if (found.kind === "replay") return { kind: "replay", kept: { status: found.status, body: found.body } };
      if (found.kind !== "new") return found;
    }
    const by = { apiKeyId: input.apiKeyId, preview: false };
    const options = { now, minutes: input.minutes };
    let result = await createCancelSession(tx, input.session, by, options);
    if (!result.ok && result.reason === "no-flow") {
      await ensureDefaultFlow(tx, input.defaultFlow, now);
      result = await createCancelSession(tx, input.session, by, options);
    }
    if (!result.ok) return { kind: "done", result };
    const made = result.session;
    await recordAudit(tx, input.actor, {
      action: "cancel_session.create",
      entityType: "cancel_session",
      entityId: made.id,
      after: {
        accountExternalId: input.session.accountExternalId,
        flowVersion: made.flowVersion,
        locale: input.session.locale,
        returnUrl: input.session.returnUrl,
        expiresAt: made.expiresAt.toISOString(),
      },
    });
    // Only a made session keeps its answer: a 404 is worked out again on a retry (the account may exist by then).
    if (input.claim) await keepAnswer(tx, input.claim, input.keep(made));
    return { kind: "done", result };
  });
}

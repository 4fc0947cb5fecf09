// The cancel-flow editor's actions as fuzzing cases (see test/action-cases.ts).
import {
  archiveCancelFlow,
  createPreviewSession,
  moveCancelFlow,
  restoreCancelFlowVersion,
  saveCancelFlow,
} from "@/db/queries/cancel-flows";
import { describeFlowChanges } from "@/lib/cancel/diff";
import {
  cancelFlowIdSchema,
  moveCancelFlowSchema,
  previewCancelFlowSchema,
  restoreCancelFlowSchema,
  saveCancelFlowEditSchema,
} from "@/lib/validation/cancel-flow";
import { type ActionCase, actionCase, actor } from "./action-case";
import { testFlowContent } from "./cancel-flow-fixture";

const describe = (a: Parameters<typeof describeFlowChanges>[0], b: Parameters<typeof describeFlowChanges>[1]) =>
  describeFlowChanges(a, b, "USD");

export const CANCEL_ACTION_CASES: ActionCase[] = [
  actionCase({
    action: "saveCancelFlowAction",
    schema: saveCancelFlowEditSchema,
    valid: (f) => ({
      flowId: f.cancelFlowId,
      baseVersion: 1,
      name: "Fuzz flow",
      targeting: { segments: ["smb"], plans: ["pro"], locales: ["de"] },
      content: testFlowContent({ logoUrl: "https://example.com/logo.png" }),
    }),
    run: (db, i, f) => saveCancelFlow(db, i, actor(f.admin), describe),
  }),
  actionCase({
    action: "restoreCancelFlowAction",
    schema: restoreCancelFlowSchema,
    valid: (f) => ({ flowId: f.cancelFlowId, version: 1, baseVersion: 1 }),
    run: (db, i, f) => restoreCancelFlowVersion(db, i, actor(f.admin), describe),
  }),
  actionCase({
    action: "moveCancelFlowAction",
    schema: moveCancelFlowSchema,
    valid: (f) => ({ flowId: f.cancelFlowId, direction: "down" }),
    run: (db, i, f) => moveCancelFlow(db, i.flowId, i.direction, actor(f.admin)),
  }),
  actionCase({
    action: "archiveCancelFlowAction",
    schema: cancelFlowIdSchema,
    valid: (f) => ({ flowId: f.cancelFlowId }),
    run: (db, i, f) => archiveCancelFlow(db, i.flowId, actor(f.admin)),
  }),
  actionCase({
    action: "previewCancelFlowAction",
    schema: previewCancelFlowSchema,
    valid: (f) => ({ flowId: f.cancelFlowId, accountExternalId: f.account }),
    run: (db, i, f) =>
      createPreviewSession(
        db,
        { ...i, returnUrl: "https://holdfast.example.com/admin/cancel-flow", locale: "en-US" },
        actor(f.admin),
        { minutes: 60 },
      ),
  }),
];

// Every server action of lib/actions as a fuzzing case: its zod schema, a valid argument, and what
// its body does with the parsed input (the query it calls), on rows a test makes for it. The
// session and role gate are not here: e2e/admin.spec.ts calls each action as each role.
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { listAccounts } from "@/db/queries/accounts";
import { recomputeHealth } from "@/db/queries/health";
import { saveHealthSettings } from "@/db/queries/health-settings";
import { changeOwnPassword, oneTimePassword, resetPassword } from "@/db/queries/passwords";
import { signInWait } from "@/db/queries/rate-limits";
import { attemptSignIn } from "@/db/queries/sign-in";
import { archiveCategory, createCategory, mergeCategories, splitCategory, updateCategory } from "@/db/queries/taxonomy";
import { TaxonomyError } from "@/db/queries/taxonomy-error";
import { addToQueue, changeItem } from "@/db/queries/triage-items";
import { logOutreach } from "@/db/queries/triage-outreach";
import {
  DuplicateEmailError,
  LastAdminError,
  NoSuchUserError,
  SamePasswordError,
  TooManyAttemptsError,
  WrongPasswordError,
} from "@/db/queries/user-errors";
import { createUser, setUserActive, setUserRole } from "@/db/queries/users";
import { answerHistory } from "@/db/queries/workbench";
import { fileAnswers, setRegrettable } from "@/db/queries/workbench-filing";
import { applyRule, archiveRule, createRule, previewRule } from "@/db/queries/workbench-rules";
import { DEFAULT_HEALTH_SETTINGS } from "@/lib/metrics/health";
import { findAccountsSchema } from "@/lib/validation/accounts";
import { apiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";
import { healthSettingsSchema } from "@/lib/validation/health";
import {
  answerHistorySchema,
  archiveCategorySchema,
  categoryInputSchema,
  fileAnswersSchema,
  matchInputSchema,
  mergeCategoriesSchema,
  regrettableSchema,
  ruleIdSchema,
  ruleSchema,
  splitCategorySchema,
  updateCategorySchema,
} from "@/lib/validation/taxonomy";
import { addToQueueSchema, bulkAssignSchema, changeItemSchema, logOutreachSchema } from "@/lib/validation/triage";
import {
  changePasswordSchema,
  inviteUserSchema,
  resetPasswordSchema,
  setActiveSchema,
  setRoleSchema,
  signInSchema,
} from "@/lib/validation/users";
import { PASSWORD } from "./action-fixture";
import { type ActionCase, actionCase, actor } from "./action-case";
import { CANCEL_ACTION_CASES } from "./action-cases-cancel";
import { NOTIFICATION_ACTION_CASES } from "./action-cases-notifications";
import { WEBHOOK_ACTION_CASES } from "./action-cases-webhooks";
import { uniqueEmail } from "./factories";

const IP = "203.0.113.9";

export const ACTION_CASES: ActionCase[] = [
  actionCase({
    action: "changePasswordAction",
    schema: changePasswordSchema,
    valid: () => ({
      currentPassword: PASSWORD,
      newPassword: "another-password-42",
      confirmPassword: "another-password-42",
    }),
    run: (db, i, f) => changeOwnPassword(db, { userId: f.other.id, ip: IP, ...i }, actor(f.other)),
  }),
  actionCase({
    action: "findAccountsAction",
    schema: findAccountsSchema,
    valid: (f) => ({ q: f.account }),
    run: (db, i) => listAccounts(db, { q: i.q, page: 1 }),
  }),
  actionCase({
    action: "createApiKeyAction",
    schema: apiKeySchema,
    valid: () => ({ name: "Fuzz key", scopes: ["read"], rateLimitPerMinute: 60 }),
    run: (db, i, f) => createApiKey(db, i, actor(f.admin)),
  }),
  actionCase({
    action: "revokeApiKeyAction",
    schema: revokeApiKeySchema,
    valid: (f) => ({ id: f.keyId }),
    run: (db, i, f) => revokeApiKey(db, i.id, actor(f.admin)),
  }),
  ...WEBHOOK_ACTION_CASES,
  ...NOTIFICATION_ACTION_CASES,
  ...CANCEL_ACTION_CASES,
  actionCase({
    action: "signInAction",
    schema: signInSchema,
    valid: (f) => ({ email: f.other.email, password: "not-the-password" }),
    run: async (db, i) => {
      await signInWait(db, IP, i.email);
      return attemptSignIn(db, { ip: IP, ...i });
    },
  }),
  actionCase({
    action: "answerHistoryAction",
    schema: answerHistorySchema,
    valid: (f) => ({ ref: f.ref }),
    run: (db, i) => answerHistory(db, i.ref),
  }),
  actionCase({
    action: "applyRuleAction",
    schema: ruleIdSchema,
    valid: (f) => ({ id: f.ruleId }),
    run: (db, i, f) => applyRule(db, i.id, actor(f.admin)),
  }),
  actionCase({
    action: "archiveRuleAction",
    schema: ruleIdSchema,
    valid: (f) => ({ id: f.ruleId }),
    run: (db, i, f) => archiveRule(db, i.id, actor(f.admin)),
  }),
  actionCase({
    action: "createRuleAction",
    schema: ruleSchema,
    valid: (f) => ({
      match: { pattern: "pric(e|ey)", matchKind: "regex", reasonCode: "other" },
      categoryId: f.categoryId,
    }),
    run: (db, i, f) => createRule(db, i.match, i.categoryId, actor(f.admin)),
  }),
  actionCase({
    action: "fileAnswersAction",
    schema: fileAnswersSchema,
    valid: (f) => ({ refs: [f.ref], categoryId: f.targetId }),
    run: (db, i, f) => fileAnswers(db, i.refs, i.categoryId, actor(f.admin)),
  }),
  actionCase({
    action: "previewRuleAction",
    schema: matchInputSchema,
    valid: () => ({ pattern: "price", matchKind: "keyword", reasonCode: null }),
    run: (db, i) => previewRule(db, i),
  }),
  actionCase({
    action: "setRegrettableAction",
    schema: regrettableSchema,
    valid: (f) => ({ refs: [f.ref], regrettable: true }),
    run: (db, i, f) => setRegrettable(db, i.refs, i.regrettable, actor(f.admin)),
  }),
  actionCase({
    action: "saveHealthSettingsAction",
    schema: healthSettingsSchema,
    valid: () => ({ ...DEFAULT_HEALTH_SETTINGS, keyFeatures: ["reports"] }),
    run: async (db, i, f) => {
      await saveHealthSettings(db, i, actor(f.admin));
      return recomputeHealth(db, new Date());
    },
  }),
  actionCase({
    action: "archiveCategoryAction",
    schema: archiveCategorySchema,
    valid: (f) => ({ id: f.categoryId }),
    run: (db, i, f) => archiveCategory(db, i.id, actor(f.admin)),
  }),
  actionCase({
    action: "createCategoryAction",
    schema: categoryInputSchema,
    valid: () => ({ name: "Fuzzed", description: "d", regrettable: false, color: "chart-3" }),
    run: (db, i, f) => createCategory(db, i, actor(f.admin)),
  }),
  actionCase({
    action: "mergeCategoriesAction",
    schema: mergeCategoriesSchema,
    valid: (f) => ({ sourceId: f.categoryId, targetId: f.targetId }),
    run: (db, i, f) => mergeCategories(db, i.sourceId, i.targetId, actor(f.admin)),
  }),
  actionCase({
    action: "splitCategoryAction",
    schema: splitCategorySchema,
    valid: (f) => ({
      sourceId: f.categoryId,
      category: { name: "Split", description: "", regrettable: true, color: "chart-4" },
      match: { pattern: "price", matchKind: "keyword", reasonCode: null },
    }),
    run: (db, i, f) => splitCategory(db, i.sourceId, i.category, i.match, actor(f.admin)),
  }),
  actionCase({
    action: "updateCategoryAction",
    schema: updateCategorySchema,
    valid: (f) => ({
      id: f.targetId,
      category: { name: "Renamed", description: "", regrettable: true, color: "chart-5" },
    }),
    run: (db, i, f) => updateCategory(db, i.id, i.category, actor(f.admin)),
  }),
  actionCase({
    action: "addToQueueAction",
    schema: addToQueueSchema,
    valid: (f) => ({ externalIds: [f.account] }),
    run: (db, i, f) => addToQueue(db, f.admin, i.externalIds, actor(f.admin)),
  }),
  actionCase({
    action: "bulkAssignAction",
    schema: bulkAssignSchema,
    valid: (f) => ({ items: [f.item], assigneeId: f.other.id }),
    run: async (db, i, f) => {
      for (const item of i.items) await changeItem(db, f.admin, { ...item, assigneeId: i.assigneeId }, actor(f.admin));
    },
  }),
  actionCase({
    action: "changeTriageItemAction",
    schema: changeItemSchema,
    valid: (f) => ({ ...f.item, status: "in_progress", assigneeId: f.admin.id, snoozeUntil: "2026-12-01" }),
    run: (db, i, f) => changeItem(db, f.admin, i, actor(f.admin)),
  }),
  actionCase({
    action: "logOutreachAction",
    schema: logOutreachSchema,
    valid: (f) => ({
      accountExternalId: f.account,
      item: f.item,
      channel: "call",
      summary: "Called them",
      outcome: "Will think",
      nextFollowUpOn: "2026-12-01",
    }),
    run: (db, i, f) => logOutreach(db, f.admin, i, actor(f.admin)),
  }),
  actionCase({
    action: "createUserAction",
    schema: inviteUserSchema,
    valid: () => ({ email: uniqueEmail("fz-invite"), name: "Invited", role: "cs" }),
    run: (db, i, f) =>
      createUser(db, { ...i, password: oneTimePassword() }, actor(f.admin), { mustChangePassword: true }),
  }),
  actionCase({
    action: "resetPasswordAction",
    schema: resetPasswordSchema,
    valid: (f) => ({ userId: f.other.id }),
    run: (db, i, f) => resetPassword(db, i.userId, actor(f.admin)),
  }),
  actionCase({
    action: "setUserActiveAction",
    schema: setActiveSchema,
    valid: (f) => ({ userId: f.other.id, active: false }),
    run: (db, i, f) => setUserActive(db, i.userId, i.active, actor(f.admin)),
  }),
  actionCase({
    action: "setUserRoleAction",
    schema: setRoleSchema,
    valid: (f) => ({ userId: f.other.id, role: "manager" }),
    run: (db, i, f) => setUserRole(db, i.userId, i.role, actor(f.admin)),
  }),
];

/** Errors a query throws for a person to read; the actions answer them as refusals (4xx). */
export const REFUSALS = [
  TaxonomyError,
  DuplicateEmailError,
  LastAdminError,
  NoSuchUserError,
  WrongPasswordError,
  SamePasswordError,
  TooManyAttemptsError,
];

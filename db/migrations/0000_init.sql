CREATE TYPE "public"."account_status" AS ENUM('none', 'trial', 'active', 'paused', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('user', 'api_key', 'system');--> statement-breakpoint
CREATE TYPE "public"."cancellation_outcome" AS ENUM('canceled', 'saved', 'paused', 'downgraded');--> statement-breakpoint
CREATE TYPE "public"."outreach_channel" AS ENUM('email', 'call', 'meeting', 'in_app', 'other');--> statement-breakpoint
CREATE TYPE "public"."save_offer" AS ENUM('none', 'pause', 'downgrade', 'discount', 'talk_to_us');--> statement-breakpoint
CREATE TYPE "public"."segment" AS ENUM('smb', 'mid', 'enterprise');--> statement-breakpoint
CREATE TYPE "public"."signal_kind" AS ENUM('payment_failed', 'payment_recovered', 'ticket_opened', 'ticket_closed', 'nps');--> statement-breakpoint
CREATE TYPE "public"."subscription_event_type" AS ENUM('trial_started', 'converted', 'expansion', 'contraction', 'paused', 'resumed', 'canceled', 'reactivated');--> statement-breakpoint
CREATE TYPE "public"."triage_status" AS ENUM('open', 'contacted', 'in_progress', 'saved', 'lost', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('cs', 'manager', 'admin');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"plan" text,
	"segment" "segment",
	"seats_paid" integer,
	"owner_id" text,
	"trial_ends_at" timestamp (3) with time zone,
	"status" "account_status" DEFAULT 'none' NOT NULL,
	"mrr_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscription_events" (
	"account_id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "subscription_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"external_id" text,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"type" "subscription_event_type" NOT NULL,
	"mrr_after_cents" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_events_account_id_seq_pk" PRIMARY KEY("account_id","seq")
);
--> statement-breakpoint
CREATE TABLE "activity_feature_months" (
	"account_id" text NOT NULL,
	"month" date NOT NULL,
	"feature" text NOT NULL,
	"active_days" integer NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "activity_feature_months_account_id_month_feature_pk" PRIMARY KEY("account_id","month","feature")
);
--> statement-breakpoint
CREATE TABLE "activity_user_months" (
	"account_id" text NOT NULL,
	"month" date NOT NULL,
	"user_ref" text NOT NULL,
	"active_days" integer NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "activity_user_months_account_id_month_user_ref_pk" PRIMARY KEY("account_id","month","user_ref")
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"account_id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "signals_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "signal_kind" NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"score" integer,
	"comment" text,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signals_account_id_seq_pk" PRIMARY KEY("account_id","seq")
);
--> statement-breakpoint
CREATE TABLE "cancellation_responses" (
	"account_id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "cancellation_responses_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"external_id" text,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"reason_code" text NOT NULL,
	"free_text" text,
	"competitor" text,
	"offer_shown" "save_offer" DEFAULT 'none' NOT NULL,
	"offer_accepted" boolean DEFAULT false NOT NULL,
	"outcome" "cancellation_outcome" NOT NULL,
	"category_id" text NOT NULL,
	"regrettable_override" boolean,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cancellation_responses_account_id_seq_pk" PRIMARY KEY("account_id","seq")
);
--> statement-breakpoint
CREATE TABLE "reason_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"regrettable" boolean NOT NULL,
	"color" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_uncategorized" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reason_code_defaults" (
	"reason_code" text PRIMARY KEY NOT NULL,
	"category_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"note" text NOT NULL,
	"created_by_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_logs" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"triage_item_id" text,
	"user_id" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"channel" "outreach_channel" NOT NULL,
	"summary" text NOT NULL,
	"outcome" text,
	"next_follow_up_on" date,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triage_items" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"status" "triage_status" DEFAULT 'open' NOT NULL,
	"assignee_id" text,
	"snoozed_until" timestamp (3) with time zone,
	"risk_score" integer,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_feature_months" ADD CONSTRAINT "activity_feature_months_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_user_months" ADD CONSTRAINT "activity_user_months_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_responses" ADD CONSTRAINT "cancellation_responses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancellation_responses" ADD CONSTRAINT "cancellation_responses_category_id_reason_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."reason_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reason_code_defaults" ADD CONSTRAINT "reason_code_defaults_category_id_reason_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."reason_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_versions" ADD CONSTRAINT "taxonomy_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_logs" ADD CONSTRAINT "outreach_logs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_logs" ADD CONSTRAINT "outreach_logs_triage_item_id_triage_items_id_fk" FOREIGN KEY ("triage_item_id") REFERENCES "public"."triage_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_logs" ADD CONSTRAINT "outreach_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_items" ADD CONSTRAINT "triage_items_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_items" ADD CONSTRAINT "triage_items_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_idx" ON "api_keys" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "api_keys_prefix_idx" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_external_id_idx" ON "accounts" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree ("name");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "subscription_events_account_time_idx" ON "subscription_events" USING btree ("account_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "subscription_events_time_idx" ON "subscription_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_events_external_id_idx" ON "subscription_events" USING btree ("account_id","external_id");--> statement-breakpoint
CREATE INDEX "signals_account_time_idx" ON "signals" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "cancellation_responses_submitted_idx" ON "cancellation_responses" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "cancellation_responses_category_idx" ON "cancellation_responses" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cancellation_responses_external_id_idx" ON "cancellation_responses" USING btree ("account_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reason_categories_slug_idx" ON "reason_categories" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "outreach_logs_account_idx" ON "outreach_logs" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "outreach_logs_follow_up_idx" ON "outreach_logs" USING btree ("next_follow_up_on");--> statement-breakpoint
CREATE INDEX "triage_items_account_idx" ON "triage_items" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "triage_items_assignee_idx" ON "triage_items" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");
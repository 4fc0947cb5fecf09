CREATE TYPE "public"."triage_kind" AS ENUM('recovery', 'conversion');--> statement-breakpoint
CREATE TABLE "health_scores" (
	"account_id" text PRIMARY KEY NOT NULL,
	"score" real NOT NULL,
	"score_week_ago" real,
	"components" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"below_since" timestamp (3) with time zone,
	"computed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"weights" jsonb NOT NULL,
	"key_features" text[] NOT NULL,
	"threshold" smallint NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "health_settings_single_row" CHECK ("health_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "triage_items" ADD COLUMN "kind" "triage_kind" DEFAULT 'recovery' NOT NULL;--> statement-breakpoint
ALTER TABLE "triage_items" ADD COLUMN "source" text DEFAULT 'health' NOT NULL;--> statement-breakpoint
ALTER TABLE "triage_items" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "triage_items" ADD COLUMN "last_outreach_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "triage_items" ADD COLUMN "next_follow_up_on" date;--> statement-breakpoint
ALTER TABLE "health_scores" ADD CONSTRAINT "health_scores_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_settings" ADD CONSTRAINT "health_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_scores_score_idx" ON "health_scores" USING btree ("score");--> statement-breakpoint
ALTER TABLE "triage_items" ADD CONSTRAINT "triage_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "triage_items_live_idx" ON "triage_items" USING btree ("account_id","kind") WHERE "triage_items"."status" in ('open', 'contacted', 'in_progress');--> statement-breakpoint
CREATE INDEX "triage_items_follow_up_idx" ON "triage_items" USING btree ("next_follow_up_on");
CREATE TYPE "public"."cancel_session_status" AS ENUM('open', 'saved', 'canceled', 'abandoned', 'expired');--> statement-breakpoint
CREATE TABLE "cancel_flow_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"segments" text[] DEFAULT '{}'::text[] NOT NULL,
	"plans" text[] DEFAULT '{}'::text[] NOT NULL,
	"locales" text[] DEFAULT '{}'::text[] NOT NULL,
	"content" jsonb NOT NULL,
	"changes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cancel_flows" (
	"id" text PRIMARY KEY NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cancel_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"account_id" text NOT NULL,
	"flow_version_id" text NOT NULL,
	"status" "cancel_session_status" DEFAULT 'open' NOT NULL,
	"locale" text NOT NULL,
	"return_url" text NOT NULL,
	"user_ref" text,
	"email" text,
	"variant" text,
	"step" text NOT NULL,
	"steps_seen" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason_code" text,
	"free_text" text,
	"offer" jsonb,
	"offer_accepted" boolean DEFAULT false NOT NULL,
	"preview" boolean DEFAULT false NOT NULL,
	"api_key_id" text,
	"created_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"opened_at" timestamp (3) with time zone,
	"ended_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "cancel_flow_versions" ADD CONSTRAINT "cancel_flow_versions_flow_id_cancel_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."cancel_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancel_flow_versions" ADD CONSTRAINT "cancel_flow_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancel_sessions" ADD CONSTRAINT "cancel_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancel_sessions" ADD CONSTRAINT "cancel_sessions_flow_version_id_cancel_flow_versions_id_fk" FOREIGN KEY ("flow_version_id") REFERENCES "public"."cancel_flow_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancel_sessions" ADD CONSTRAINT "cancel_sessions_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cancel_sessions" ADD CONSTRAINT "cancel_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cancel_flow_versions_flow_version_idx" ON "cancel_flow_versions" USING btree ("flow_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "cancel_flows_one_default_idx" ON "cancel_flows" USING btree ("is_default") WHERE "cancel_flows"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "cancel_sessions_token_idx" ON "cancel_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "cancel_sessions_account_idx" ON "cancel_sessions" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "cancel_sessions_open_idx" ON "cancel_sessions" USING btree ("status","expires_at") WHERE "cancel_sessions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "cancel_sessions_created_idx" ON "cancel_sessions" USING btree ("created_at");
CREATE TYPE "public"."contact_role" AS ENUM('champion', 'decision_maker', 'user');--> statement-breakpoint
CREATE TABLE "contacts" (
	"account_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role" "contact_role" NOT NULL,
	"left_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_account_id_email_pk" PRIMARY KEY("account_id","email")
);
--> statement-breakpoint
CREATE TABLE "health_history" (
	"account_id" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "health_history_account_id_at_pk" PRIMARY KEY("account_id","at")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "renews_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "contract_months" smallint;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_history" ADD CONSTRAINT "health_history_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_left_idx" ON "contacts" USING btree ("left_at");--> statement-breakpoint
CREATE INDEX "accounts_renews_idx" ON "accounts" USING btree ("renews_at");
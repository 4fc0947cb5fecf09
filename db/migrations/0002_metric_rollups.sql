CREATE TABLE "account_month_facts" (
	"account_id" text NOT NULL,
	"month" date NOT NULL,
	"segment" text NOT NULL,
	"plan" text NOT NULL,
	"cohort" date,
	"d_customers" smallint NOT NULL,
	"d_mrr_cents" bigint NOT NULL,
	"cohort_d_customers" smallint NOT NULL,
	"cohort_d_mrr_cents" bigint NOT NULL,
	"cohort_size" smallint DEFAULT 0 NOT NULL,
	"cohort_base_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"new" integer DEFAULT 0 NOT NULL,
	"reactivated" integer DEFAULT 0 NOT NULL,
	"churned" integer DEFAULT 0 NOT NULL,
	"new_and_lost" integer DEFAULT 0 NOT NULL,
	"new_cents" bigint DEFAULT 0 NOT NULL,
	"expansion_cents" bigint DEFAULT 0 NOT NULL,
	"contraction_cents" bigint DEFAULT 0 NOT NULL,
	"churned_cents" bigint DEFAULT 0 NOT NULL,
	"reactivation_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "account_month_facts_account_id_month_pk" PRIMARY KEY("account_id","month")
);
--> statement-breakpoint
CREATE TABLE "cohort_bases" (
	"cohort" date NOT NULL,
	"segment" text NOT NULL,
	"plan" text NOT NULL,
	"size" integer DEFAULT 0 NOT NULL,
	"base_mrr_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cohort_bases_cohort_segment_plan_pk" PRIMARY KEY("cohort","segment","plan")
);
--> statement-breakpoint
CREATE TABLE "cohort_month_totals" (
	"cohort" date NOT NULL,
	"month" date NOT NULL,
	"segment" text NOT NULL,
	"plan" text NOT NULL,
	"d_customers" integer DEFAULT 0 NOT NULL,
	"d_mrr_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "cohort_month_totals_cohort_month_segment_plan_pk" PRIMARY KEY("cohort","month","segment","plan")
);
--> statement-breakpoint
CREATE TABLE "metric_month_totals" (
	"month" date NOT NULL,
	"segment" text NOT NULL,
	"plan" text NOT NULL,
	"d_customers" integer DEFAULT 0 NOT NULL,
	"d_mrr_cents" bigint DEFAULT 0 NOT NULL,
	"new" integer DEFAULT 0 NOT NULL,
	"reactivated" integer DEFAULT 0 NOT NULL,
	"churned" integer DEFAULT 0 NOT NULL,
	"new_and_lost" integer DEFAULT 0 NOT NULL,
	"new_cents" bigint DEFAULT 0 NOT NULL,
	"expansion_cents" bigint DEFAULT 0 NOT NULL,
	"contraction_cents" bigint DEFAULT 0 NOT NULL,
	"churned_cents" bigint DEFAULT 0 NOT NULL,
	"reactivation_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_month_totals_month_segment_plan_pk" PRIMARY KEY("month","segment","plan")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "cohort_month" date;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "cohort_converted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "cohort_base_mrr_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "account_month_facts" ADD CONSTRAINT "account_month_facts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_month_facts_month_idx" ON "account_month_facts" USING btree ("month");--> statement-breakpoint
CREATE INDEX "accounts_cohort_idx" ON "accounts" USING btree ("cohort_month");
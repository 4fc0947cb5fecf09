CREATE TABLE "answer_filings" (
	"account_id" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "answer_filings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"response_seq" bigint NOT NULL,
	"from_category_id" text NOT NULL,
	"to_category_id" text NOT NULL,
	"taxonomy_version" integer NOT NULL,
	"cause" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_filings_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "categorization_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"pattern" text NOT NULL,
	"match_kind" text NOT NULL,
	"reason_code" text,
	"category_id" text NOT NULL,
	"created_by_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "answer_filings" ADD CONSTRAINT "answer_filings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_filings" ADD CONSTRAINT "answer_filings_from_category_id_reason_categories_id_fk" FOREIGN KEY ("from_category_id") REFERENCES "public"."reason_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_filings" ADD CONSTRAINT "answer_filings_to_category_id_reason_categories_id_fk" FOREIGN KEY ("to_category_id") REFERENCES "public"."reason_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_filings" ADD CONSTRAINT "answer_filings_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categorization_rules" ADD CONSTRAINT "categorization_rules_category_id_reason_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."reason_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categorization_rules" ADD CONSTRAINT "categorization_rules_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_filings_response_idx" ON "answer_filings" USING btree ("account_id","response_seq");
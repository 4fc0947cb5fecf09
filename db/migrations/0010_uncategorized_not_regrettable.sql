-- Uncategorized holds answers no admin has filed yet: they are neither regrettable nor not, so its
-- default flag is NULL (docs/metrics.md), and only Uncategorized may have none. The reasons report
-- also ignores an answer-level override while the answer waits there.
ALTER TABLE "reason_categories" ALTER COLUMN "regrettable" DROP NOT NULL;--> statement-breakpoint
UPDATE "reason_categories" SET "regrettable" = NULL WHERE "is_uncategorized";--> statement-breakpoint
ALTER TABLE "reason_categories" ADD CONSTRAINT "reason_categories_regrettable_check" CHECK (("reason_categories"."regrettable" is null) = "reason_categories"."is_uncategorized");

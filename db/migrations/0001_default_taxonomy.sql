-- The default reason taxonomy of SPEC §2 (version 1). Stripe's cancellation feedback codes map 1:1;
-- `other` and unknown codes wait in Uncategorized for an admin.
INSERT INTO "taxonomy_versions" ("version", "note") VALUES (1, 'Default taxonomy');
--> statement-breakpoint
INSERT INTO "reason_categories" ("id", "slug", "name", "description", "regrettable", "color", "sort_order", "is_uncategorized") VALUES
  ('cat_price_value', 'price-value', 'Price & value', 'Too expensive for the value the customer saw.', true, 'chart-1', 10, false),
  ('cat_missing_features', 'missing-features', 'Missing features', 'Needed something the product does not do.', true, 'chart-2', 20, false),
  ('cat_quality_bugs', 'quality-bugs', 'Quality & bugs', 'Bugs, outages, slowness, data problems.', true, 'chart-3', 30, false),
  ('cat_ease_of_use', 'ease-of-use', 'Ease of use', 'Too complex to set up or to use day to day.', true, 'chart-4', 40, false),
  ('cat_support', 'support-experience', 'Support experience', 'Slow or unhelpful support.', true, 'chart-5', 50, false),
  ('cat_competitor', 'switched-competitor', 'Switched to a competitor', 'Moved to another product.', true, 'chart-6', 60, false),
  ('cat_not_adopted', 'not-adopted', 'Not adopted', 'The team never made it part of their work.', true, 'chart-7', 70, false),
  ('cat_project_ended', 'project-ended', 'Project ended', 'The work it was bought for is over.', false, 'chart-8', 80, false),
  ('cat_business_closed', 'business-closed', 'Business closed', 'The company shut down or was acquired.', false, 'chart-9', 90, false),
  ('cat_budget_cut', 'budget-cut', 'Budget cut', 'Spending was cut regardless of value.', false, 'chart-10', 100, false),
  ('cat_uncategorized', 'uncategorized', 'Uncategorized', 'Answers waiting for an admin to file them.', false, 'chart-11', 1000, true);
--> statement-breakpoint
INSERT INTO "reason_code_defaults" ("reason_code", "category_id") VALUES
  ('too_expensive', 'cat_price_value'),
  ('missing_features', 'cat_missing_features'),
  ('low_quality', 'cat_quality_bugs'),
  ('too_complex', 'cat_ease_of_use'),
  ('customer_service', 'cat_support'),
  ('switched_service', 'cat_competitor'),
  ('unused', 'cat_not_adopted'),
  ('other', 'cat_uncategorized');

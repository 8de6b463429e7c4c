-- Tra cứu đơn vị (public employer look-up). pg_trgm indexes partial matches of folded names; it is a
-- trusted extension since PostgreSQL 13, so the database owner that runs migrations may create it;
-- PGlite loads it in db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- On a registry of national size, build both indexes beforehand without blocking writes, then migrate
-- (both statements are then no-ops):
--   CREATE INDEX CONCURRENTLY "employers_folded_trgm_idx" ON "employers" USING gin ("folded_name" gin_trgm_ops);
--   CREATE INDEX CONCURRENTLY "participation_open_compulsory_employer_idx" ON "participation_periods" ("employer_id")
--     WHERE "scheme" = 'compulsory_social' AND "to_month" IS NULL;
CREATE INDEX IF NOT EXISTS "employers_folded_trgm_idx" ON "employers" USING gin ("folded_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "participation_open_compulsory_employer_idx" ON "participation_periods" USING btree ("employer_id") WHERE "participation_periods"."scheme" = 'compulsory_social' and "participation_periods"."to_month" is null;

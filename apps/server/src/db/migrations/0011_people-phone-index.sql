-- On a registry of national size, build this index beforehand without blocking writes
-- (CREATE INDEX CONCURRENTLY "people_phone_idx" ON "people" ("phone");), then migrate: this is a no-op.
CREATE INDEX IF NOT EXISTS "people_phone_idx" ON "people" USING btree ("phone");

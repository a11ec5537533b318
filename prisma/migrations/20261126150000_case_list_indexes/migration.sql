-- The case list (lib/cases/case-list.ts): keyset pagination per sort, state tabs, search.
-- See BENCHMARKS.md for what each index buys at 100,000 cases.

-- Trigram matching for ILIKE '%text%' search (trusted extension: no superuser needed).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One per sort: is_test is always an equality (live or test), then the sort key and the id
-- tie-breaker, so the row comparison (key, id) < (cursor) is an index seek, not a skip.
CREATE INDEX "cases_is_test_assigned_at_id_idx" ON "cases"("is_test", "assigned_at", "id");
CREATE INDEX "cases_is_test_last_activity_at_id_idx" ON "cases"("is_test", "last_activity_at", "id");
CREATE INDEX "cases_is_test_outstanding_minor_id_idx" ON "cases"("is_test", "outstanding_minor", "id");
CREATE INDEX "cases_is_test_reference_idx" ON "cases"("is_test", "reference");

-- The state tabs' counts, answered from the index alone (visibility needs assignee_id).
CREATE INDEX "cases_is_test_state_assignee_id_idx" ON "cases"("is_test", "state", "assignee_id");

-- Search over reference, creditor reference, debtor name and creditor name.
CREATE INDEX "cases_reference_idx" ON "cases" USING GIN ("reference" gin_trgm_ops);
CREATE INDEX "cases_creditor_reference_idx" ON "cases" USING GIN ("creditor_reference" gin_trgm_ops);
CREATE INDEX "cases_debtor_name_idx" ON "cases" USING GIN ("debtor_name" gin_trgm_ops);
CREATE INDEX "cases_creditor_name_idx" ON "cases" USING GIN ("creditor_name" gin_trgm_ops);

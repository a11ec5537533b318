-- The work queue reads stored items instead of deriving them per request (lib/work/work-items.ts):
-- each open case's items with their deadline, indexed so a collector's page is an index walk
-- to the 200 soonest and its counts are index-only ranges. Deadlines need the agency's calendar
-- (country, time zone, holidays), which lives in the app, so the database does not compute
-- items itself: triggers only mark a changed case stale, and the app re-derives the stale
-- cases' items (a background job, and every queue read first) from the same SQL it used to
-- run per request.

-- Cases whose items (and case_work_facts) must be derived again. Marked by the triggers
-- below with an upsert, which locks the row until the writer commits: a refresh takes rows
-- with SKIP LOCKED, so it never consumes a mark whose change it cannot see yet.
CREATE TABLE "work_items_stale" (
    "case_id" UUID NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "work_items_stale_pkey" PRIMARY KEY ("case_id")
);

-- One row per thing due on an open, live case, with its deadline. `assignee_id` is the case's,
-- so the case visibility rule (lib/cases/visibility.ts) applies to these rows as it is.
-- Whether an item shows depends on the time of the read (a monthly update shows from a week
-- before it is due, an exclusive period while it has not ended), so rows exist for every
-- candidate and the read picks each kind's due_at window. No foreign key: a deleted case's
-- mark removes its rows, and inserts here take no lock on cases.
CREATE TABLE "work_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "case_id" UUID NOT NULL,
    "assignee_id" UUID,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "item_id" UUID,
    "due_date" DATE,
    "text" TEXT,
    "amount_minor" BIGINT,
    "paid_minor" BIGINT,
    "currency" TEXT,
    CONSTRAINT "work_items_pkey" PRIMARY KEY ("id")
);
-- A collector's queue: per kind, two ranges (their own, the unassigned) in the queue's order.
CREATE INDEX "work_items_assignee_id_kind_due_at_idx" ON "work_items"("assignee_id", "kind", "due_at", "reference", "item_id");
-- The whole team's queue and the reports' overdue counts.
CREATE INDEX "work_items_kind_due_at_idx" ON "work_items"("kind", "due_at", "reference", "item_id") INCLUDE ("assignee_id");
CREATE INDEX "work_items_case_id_idx" ON "work_items"("case_id");

-- What the stored items were derived with (the agency's calendar and the derivation's version):
-- a process whose calendar differs marks every case stale (lib/work/work-items.ts).
CREATE TABLE "work_items_basis" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "basis" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "work_items_basis_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION "mark_work_items_stale"("ids" UUID[]) RETURNS VOID
LANGUAGE sql AS $$
  INSERT INTO work_items_stale (case_id)
  SELECT DISTINCT id FROM unnest(ids) AS t(id) WHERE id IS NOT NULL ORDER BY 1
  ON CONFLICT (case_id) DO UPDATE SET marked_at = now()
$$;

CREATE FUNCTION "work_items_stale_from_new_rows"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mark_work_items_stale(ARRAY(SELECT case_id FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION "work_items_stale_from_old_rows"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mark_work_items_stale(ARRAY(SELECT case_id FROM old_rows));
  RETURN NULL;
END $$;

-- cases carry their id in `id`.
CREATE FUNCTION "work_items_stale_from_new_cases"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mark_work_items_stale(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION "work_items_stale_from_old_cases"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mark_work_items_stale(ARRAY(SELECT id FROM old_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION "work_items_stale_from_case"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mark_work_items_stale(ARRAY[NEW.id]);
  RETURN NULL;
END $$;

CREATE FUNCTION "work_items_stale_from_progress_notes"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mark_work_items_stale(ARRAY(SELECT case_id FROM new_rows WHERE kind = 'progress_note'));
  RETURN NULL;
END $$;

-- The chat and progress-note facts are derived with the items now (in one transaction that
-- sees only committed rows), so two concurrent changes to one thread can no longer leave
-- case_work_facts behind; the triggers that refreshed it inline give way to marks.
DROP TRIGGER "chat_messages_work_facts_insert" ON "chat_messages";
DROP TRIGGER "chat_messages_work_facts_update" ON "chat_messages";
DROP TRIGGER "chat_messages_work_facts_delete" ON "chat_messages";
DROP TRIGGER "outbound_actions_work_facts_insert" ON "outbound_actions";
DROP TRIGGER "outbound_actions_work_facts_update" ON "outbound_actions";
DROP FUNCTION "case_work_facts_from_new_rows"();
DROP FUNCTION "case_work_facts_from_old_rows"();
DROP FUNCTION "case_work_facts_from_progress_notes"();

-- A case's items change with what the queue reads of it: its state and when it started, its
-- assignment, whether it is a test case. Other updates (balances, detail) mark nothing.
CREATE TRIGGER "cases_work_items_insert" AFTER INSERT ON "cases"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_cases();
CREATE TRIGGER "cases_work_items_update" AFTER UPDATE ON "cases" FOR EACH ROW
    WHEN ((OLD.state, OLD.state_at, OLD.assigned_at, OLD.assignee_id, OLD.is_test, OLD.reference)
          IS DISTINCT FROM (NEW.state, NEW.state_at, NEW.assigned_at, NEW.assignee_id, NEW.is_test, NEW.reference))
    EXECUTE FUNCTION work_items_stale_from_case();
CREATE TRIGGER "cases_work_items_delete" AFTER DELETE ON "cases"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_old_cases();

CREATE TRIGGER "chat_messages_work_items_insert" AFTER INSERT ON "chat_messages"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_rows();
CREATE TRIGGER "chat_messages_work_items_update" AFTER UPDATE ON "chat_messages"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_rows();
CREATE TRIGGER "chat_messages_work_items_delete" AFTER DELETE ON "chat_messages"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_old_rows();

-- The outbox changes often (payments, replies); only progress notes are a fact here.
CREATE TRIGGER "outbound_actions_work_items_insert" AFTER INSERT ON "outbound_actions"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_progress_notes();
CREATE TRIGGER "outbound_actions_work_items_update" AFTER UPDATE ON "outbound_actions"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_progress_notes();

-- Follow-ups and promises are items; payments keep or break promises.
CREATE TRIGGER "follow_ups_work_items_insert" AFTER INSERT ON "follow_ups"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_rows();
CREATE TRIGGER "follow_ups_work_items_update" AFTER UPDATE ON "follow_ups"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_rows();
CREATE TRIGGER "follow_ups_work_items_delete" AFTER DELETE ON "follow_ups"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_old_rows();
CREATE TRIGGER "payment_promises_work_items_insert" AFTER INSERT ON "payment_promises"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_rows();
CREATE TRIGGER "payment_promises_work_items_update" AFTER UPDATE ON "payment_promises"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_rows();
CREATE TRIGGER "payment_promises_work_items_delete" AFTER DELETE ON "payment_promises"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_old_rows();
CREATE TRIGGER "payments_work_items_insert" AFTER INSERT ON "payments"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_rows();
CREATE TRIGGER "payments_work_items_update" AFTER UPDATE ON "payments"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_new_rows();
CREATE TRIGGER "payments_work_items_delete" AFTER DELETE ON "payments"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION work_items_stale_from_old_rows();

-- Every case is derived once by the first process that runs (no basis yet).
INSERT INTO work_items_stale (case_id) SELECT id FROM cases;

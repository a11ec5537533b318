-- The work queue computes its deadlines in SQL (lib/work/queue.ts), so it can sort and cut
-- to the soonest items inside PostgreSQL instead of reading every candidate into the app.

-- The agency's business-day calendar, one row per local date, written by the app from
-- lib/deadlines (lib/deadlines/business-day-table.ts): the holiday rules live in JavaScript
-- (date-holidays) and this table is only their copy, rewritten whenever the code's calendar
-- differs from it. "The N-th business day after D" is the business day whose ordinal is D's
-- ordinal + N, because a date's ordinal counts the business days on or before it.
CREATE TABLE "business_days" (
    "country" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "is_business_day" BOOLEAN NOT NULL,
    "ordinal" INTEGER NOT NULL,
    CONSTRAINT "business_days_pkey" PRIMARY KEY ("country", "date")
);
-- Each business day has its own ordinal; the weekend and holidays share their predecessor's.
CREATE UNIQUE INDEX "business_days_country_ordinal_key" ON "business_days"("country", "ordinal") WHERE "is_business_day";

-- Which calendar the rows above hold: the range and a fingerprint of the business days in it,
-- so a process whose code computes a different calendar (a holiday library update, another
-- year reached) rewrites the rows.
CREATE TABLE "business_day_calendars" (
    "country" TEXT NOT NULL,
    "first_date" DATE NOT NULL,
    "last_date" DATE NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "business_day_calendars_pkey" PRIMARY KEY ("country")
);

-- monthly_update reads when each Active case last had a progress note sent to Debitura.
CREATE INDEX "outbound_actions_progress_note_idx" ON "outbound_actions"("case_id", "sent_at")
    WHERE "kind" = 'progress_note' AND "status" IN ('sent', 'confirmed');

-- Whether a chat message answers the thread: a reply written here (unless it finally failed)
-- or one the agency wrote in Debitura's own portal, which comes back inbound with the
-- Collection partner role. The one statement of this rule: lib/work/queue-rules.ts calls it.
CREATE FUNCTION "is_agency_answer"("direction" TEXT, "status" TEXT, "author_role" TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ($1 = 'outbound' AND $2 IS DISTINCT FROM 'failed')
      OR regexp_replace(lower(COALESCE($3, '')), '[^a-z]', '', 'g') = 'collectionpartner'
$$;

-- Per case, the two facts the queue would otherwise look up case by case in chat_messages and
-- outbound_actions: since when the chat waits for the agency (its first message after the
-- agency's last answer) and when the last progress note went to Debitura. Kept by the
-- triggers below on every change of those tables, so every writer (webhook applier, replies,
-- outbox) keeps them right without knowing. No foreign key: a row of a deleted case is
-- harmless (nothing joins it) and cannot make the delete cascade fail.
CREATE TABLE "case_work_facts" (
    "case_id" UUID NOT NULL,
    "awaiting_reply_since" TIMESTAMPTZ(3),
    "awaiting_reply_message" TEXT,
    "last_progress_note_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "case_work_facts_pkey" PRIMARY KEY ("case_id")
);

CREATE FUNCTION "refresh_case_work_facts"("ids" UUID[]) RETURNS VOID
LANGUAGE sql AS $$
  INSERT INTO case_work_facts AS f (case_id, awaiting_reply_since, awaiting_reply_message, last_progress_note_at, updated_at)
  SELECT x.id, q.at, left(q.message, 200), n.at, now()
  FROM (SELECT DISTINCT unnest(ids) AS id) x
  LEFT JOIN LATERAL (
    SELECT m.at, m.message FROM chat_messages m
    WHERE m.case_id = x.id AND m.direction = 'inbound' AND NOT is_agency_answer(m.direction, m.status, m.author_role)
      AND m.at > COALESCE((SELECT a.at FROM chat_messages a
                           WHERE a.case_id = x.id AND is_agency_answer(a.direction, a.status, a.author_role)
                           ORDER BY a.at DESC LIMIT 1), '-infinity')
    ORDER BY m.at LIMIT 1
  ) q ON true
  LEFT JOIN LATERAL (
    SELECT max(COALESCE(o.sent_at, o.confirmed_at)) AS at FROM outbound_actions o
    WHERE o.case_id = x.id AND o.kind = 'progress_note' AND o.status IN ('sent', 'confirmed')
  ) n ON true
  ON CONFLICT (case_id) DO UPDATE SET
    awaiting_reply_since = excluded.awaiting_reply_since,
    awaiting_reply_message = excluded.awaiting_reply_message,
    last_progress_note_at = excluded.last_progress_note_at,
    updated_at = excluded.updated_at
  WHERE (f.awaiting_reply_since, f.awaiting_reply_message, f.last_progress_note_at)
    IS DISTINCT FROM (excluded.awaiting_reply_since, excluded.awaiting_reply_message, excluded.last_progress_note_at)
$$;

-- Statement-level, so a bulk insert of the applier refreshes each of its cases once. Two
-- transactions changing one case's chat at the same moment may each miss the other's row;
-- the next change of that thread (the outbox marks every reply sent or failed) puts it right.
CREATE FUNCTION "case_work_facts_from_new_rows"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_case_work_facts(ARRAY(SELECT DISTINCT case_id FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION "case_work_facts_from_old_rows"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_case_work_facts(ARRAY(SELECT DISTINCT case_id FROM old_rows));
  RETURN NULL;
END $$;

-- The outbox changes often (payments, replies); only progress notes are a fact here.
CREATE FUNCTION "case_work_facts_from_progress_notes"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_case_work_facts(ARRAY(SELECT DISTINCT case_id FROM new_rows WHERE kind = 'progress_note'));
  RETURN NULL;
END $$;

CREATE TRIGGER "chat_messages_work_facts_insert" AFTER INSERT ON "chat_messages"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_work_facts_from_new_rows();
CREATE TRIGGER "chat_messages_work_facts_update" AFTER UPDATE ON "chat_messages"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_work_facts_from_new_rows();
CREATE TRIGGER "chat_messages_work_facts_delete" AFTER DELETE ON "chat_messages"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_work_facts_from_old_rows();
CREATE TRIGGER "outbound_actions_work_facts_insert" AFTER INSERT ON "outbound_actions"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_work_facts_from_progress_notes();
CREATE TRIGGER "outbound_actions_work_facts_update" AFTER UPDATE ON "outbound_actions"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_work_facts_from_progress_notes();

SELECT refresh_case_work_facts(ARRAY(SELECT id FROM cases));

-- The collector's visible open cases read from the index alone (after VACUUM): their own and
-- the unassigned ones are two ranges of (is_test, assignee_id), with what the queue needs.
CREATE INDEX "cases_is_test_assignee_id_state_idx" ON "cases"("is_test", "assignee_id", "state")
    INCLUDE ("state_at", "assigned_at", "reference", "id");

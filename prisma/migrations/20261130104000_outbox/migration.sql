-- One outbox for everything Casedesk sends to Debitura (lib/outbox): every action is stored
-- first (who, what, when, its idempotency key), answered at once, then sent by the background
-- sender, retried only where that is safe, within Debitura's rate limit, and kept visible when
-- it fails. Chat replies, which had their own outbox columns on chat_messages, move in here.

CREATE TABLE "outbound_actions" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    -- pending -> sent -> confirmed (the matching webhook arrived), or failed
    "status" TEXT NOT NULL DEFAULT 'pending',
    "payload" JSONB NOT NULL,
    -- Sent as Idempotency-Key where Debitura takes one; unique in any case.
    "idempotency_key" TEXT NOT NULL,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    -- Every attempt ever made (more than one: an earlier one may have reached Debitura) ...
    "attempts" INTEGER NOT NULL DEFAULT 0,
    -- ... and how many of them came before the last manual retry, which grants fresh automatic attempts.
    "attempts_before_retry" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    -- Why a failed action failed, in one word the pages act on: refused | needs_confirmation | exhausted
    "error_code" TEXT,
    -- Debitura's answer (or, after an ambiguous failure, what a re-read found).
    "response" JSONB,
    -- The chat message a chat_reply delivers; its status mirrors the action's.
    "chat_message_id" UUID,
    -- The bank line that is reconciled to the payment once payment.created confirms it.
    "bank_line_id" UUID,
    -- Debitura's payment id (from the answer, or the target of an edit or delete).
    "debitura_payment_id" TEXT,
    CONSTRAINT "outbound_actions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "outbound_actions_status_check" CHECK ("status" IN ('pending', 'sent', 'confirmed', 'failed')),
    CONSTRAINT "outbound_actions_kind_check" CHECK ("kind" IN ('chat_reply', 'accept', 'payment_create',
        'payment_update', 'payment_delete', 'close', 'progress_note', 'document_upload', 'fees'))
);
CREATE UNIQUE INDEX "outbound_actions_idempotency_key_key" ON "outbound_actions"("idempotency_key");
CREATE UNIQUE INDEX "outbound_actions_chat_message_id_key" ON "outbound_actions"("chat_message_id");
-- The sender's claim: due pending actions only.
CREATE INDEX "outbound_actions_status_next_attempt_at_idx" ON "outbound_actions"("status", "next_attempt_at");
-- The case page (newest first) and the work queue (progress notes per case).
CREATE INDEX "outbound_actions_case_id_created_at_idx" ON "outbound_actions"("case_id", "created_at");
CREATE INDEX "outbound_actions_kind_status_case_id_idx" ON "outbound_actions"("kind", "status", "case_id");
CREATE INDEX "outbound_actions_debitura_payment_id_idx" ON "outbound_actions"("debitura_payment_id");
CREATE INDEX "outbound_actions_bank_line_id_idx" ON "outbound_actions"("bank_line_id");
ALTER TABLE "outbound_actions"
    ADD CONSTRAINT "outbound_actions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE,
    ADD CONSTRAINT "outbound_actions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL,
    ADD CONSTRAINT "outbound_actions_chat_message_id_fkey"
        FOREIGN KEY ("chat_message_id") REFERENCES "chat_messages"("id") ON DELETE CASCADE,
    ADD CONSTRAINT "outbound_actions_bank_line_id_fkey"
        FOREIGN KEY ("bank_line_id") REFERENCES "bank_lines"("id") ON DELETE SET NULL;

-- The chat replies already stored keep their idempotency keys, attempts and errors.
INSERT INTO "outbound_actions" ("id", "case_id", "kind", "status", "payload", "idempotency_key", "actor_id",
    "created_at", "sent_at", "attempts", "next_attempt_at", "last_error", "error_code", "chat_message_id")
SELECT gen_random_uuid(), m."case_id", 'chat_reply',
       CASE m."status" WHEN 'sending' THEN 'pending' WHEN 'sent' THEN 'sent' ELSE 'failed' END,
       jsonb_build_object('message', m."message", 'userEmail', COALESCE(m."author_email", '')),
       m."idempotency_key", m."user_id", m."created_at",
       CASE WHEN m."status" = 'sent' THEN m."created_at" END,
       m."attempts", CASE WHEN m."status" = 'sending' THEN COALESCE(m."next_attempt_at", now()) END,
       m."last_error", CASE WHEN m."status" = 'failed' THEN 'exhausted' END, m."id"
FROM "chat_messages" m
WHERE m."direction" = 'outbound' AND m."status" IS NOT NULL AND m."idempotency_key" IS NOT NULL;

-- Debitura's rate limit (2,000 calls a minute per API key, a sliding window of 10-second
-- segments), shared by every instance: calls counted per key and segment.
CREATE TABLE "api_rate_segments" (
    -- A fingerprint of the API key, never the key.
    "key_id" TEXT NOT NULL,
    -- Unix time divided by the segment length.
    "segment" BIGINT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "api_rate_segments_pkey" PRIMARY KEY ("key_id", "segment")
);

-- Takes one call from the key's window: 0 when the call may go now (and it is counted), else
-- the milliseconds until the oldest segment leaves the window. A transaction-scoped advisory
-- lock per key makes the read-then-count atomic across instances.
CREATE FUNCTION "debitura_rate_take"(p_key TEXT, p_limit INTEGER, p_segment_ms INTEGER, p_segments INTEGER)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    now_ms BIGINT := floor(extract(epoch FROM clock_timestamp()) * 1000);
    current_segment BIGINT := now_ms / p_segment_ms;
    used INTEGER;
    oldest BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('debitura-rate:' || p_key));
    SELECT COALESCE(sum(calls), 0), min(segment) INTO used, oldest FROM api_rate_segments
    WHERE key_id = p_key AND segment > current_segment - p_segments AND calls > 0;
    IF used >= p_limit THEN
        RETURN GREATEST(1, (oldest + p_segments) * p_segment_ms - now_ms)::INTEGER;
    END IF;
    INSERT INTO api_rate_segments (key_id, segment, calls) VALUES (p_key, current_segment, 1)
    ON CONFLICT (key_id, segment) DO UPDATE SET calls = api_rate_segments.calls + 1;
    DELETE FROM api_rate_segments WHERE key_id = p_key AND segment <= current_segment - p_segments;
    RETURN 0;
END $$;

-- The agency's own reference for a case, given when accepting it (sent to Debitura as
-- collectionPartnerReference): unique in Casedesk and searchable like the other references.
ALTER TABLE "cases" ADD COLUMN "agency_reference" TEXT;
CREATE UNIQUE INDEX "cases_agency_reference_key" ON "cases"("agency_reference");
CREATE INDEX "cases_agency_reference_idx" ON "cases" USING GIN ("agency_reference" gin_trgm_ops);

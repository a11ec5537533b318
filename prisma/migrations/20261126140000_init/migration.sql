-- Casedesk initial schema: users and access, the webhook inbox, the case domain.

CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "password_hash" TEXT,
    "disabled_at" TIMESTAMPTZ(3),
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "sign_in_throttles" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("email")
);

CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "detail" JSONB,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

CREATE TABLE "webhook_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "case_reference" TEXT,
    "raw_body" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "is_test" BOOLEAN NOT NULL DEFAULT false,
    "is_replay" BOOLEAN NOT NULL DEFAULT false,
    "secret_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'received',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),
    "duplicate_count" INTEGER NOT NULL DEFAULT 0,
    "last_duplicate_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_events_status_received_at_idx" ON "webhook_events"("status", "received_at");
CREATE INDEX "webhook_events_case_reference_idx" ON "webhook_events"("case_reference");
CREATE INDEX "webhook_events_received_at_idx" ON "webhook_events"("received_at");

CREATE TABLE "rejected_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "event_type" TEXT,
    "client_address" TEXT,
    "body" TEXT,
    CONSTRAINT "rejected_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rejected_deliveries_received_at_idx" ON "rejected_deliveries"("received_at");

CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "debitura_case_id" TEXT,
    "creditor_reference" TEXT,
    "state" TEXT,
    "state_at" TIMESTAMPTZ(3),
    "state_event_id" TEXT,
    "close_code" TEXT,
    "close_comment" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "engagement_phase" TEXT,
    "is_test" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT,
    "original_amount_minor" BIGINT,
    "added_fees_minor" BIGINT,
    "paid_minor" BIGINT NOT NULL DEFAULT 0,
    "outstanding_minor" BIGINT,
    "debtor_name" TEXT,
    "creditor_name" TEXT,
    "debtor" JSONB,
    "creditor" JSONB,
    "fees" JSONB,
    "date_created" TIMESTAMPTZ(3),
    "due_date" TIMESTAMPTZ(3),
    "assigned_at" TIMESTAMPTZ(3),
    "detail_at" TIMESTAMPTZ(3),
    "detail_status" TEXT NOT NULL DEFAULT 'none',
    "detail_attempts" INTEGER NOT NULL DEFAULT 0,
    "detail_next_attempt_at" TIMESTAMPTZ(3),
    "detail_error" TEXT,
    "last_activity_at" TIMESTAMPTZ(3),
    "assignee_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "cases_reference_key" ON "cases"("reference");
CREATE INDEX "cases_detail_status_detail_next_attempt_at_idx" ON "cases"("detail_status", "detail_next_attempt_at");

CREATE TABLE "case_events" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "event_id" TEXT,
    "type" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT,
    "detail" JSONB,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "case_events_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "case_events_event_id_key" ON "case_events"("event_id");
CREATE INDEX "case_events_case_id_at_idx" ON "case_events"("case_id", "at");

CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "debitura_payment_id" TEXT NOT NULL,
    "amount_minor" BIGINT,
    "currency" TEXT,
    "date" TIMESTAMPTZ(3),
    "recipient" TEXT,
    "method" TEXT,
    "created_event_id" TEXT,
    "is_deleted" BOOLEAN NOT NULL DEFAULT false,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "payments_debitura_payment_id_key" ON "payments"("debitura_payment_id");
CREATE INDEX "payments_case_id_idx" ON "payments"("case_id");

CREATE TABLE "chat_messages" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "debitura_chat_id" TEXT,
    "direction" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "author_name" TEXT,
    "author_email" TEXT,
    "author_role" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT,
    "user_id" UUID,
    "idempotency_key" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "chat_messages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "chat_messages_debitura_chat_id_key" ON "chat_messages"("debitura_chat_id");
CREATE UNIQUE INDEX "chat_messages_idempotency_key_key" ON "chat_messages"("idempotency_key");
CREATE INDEX "chat_messages_case_id_at_idx" ON "chat_messages"("case_id", "at");
CREATE INDEX "chat_messages_status_next_attempt_at_idx" ON "chat_messages"("status", "next_attempt_at");

CREATE TABLE "chat_reads" (
    "user_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "last_read_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "chat_reads_pkey" PRIMARY KEY ("user_id", "case_id")
);

ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "payments" ADD CONSTRAINT "payments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "chat_reads" ADD CONSTRAINT "chat_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "chat_reads" ADD CONSTRAINT "chat_reads_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

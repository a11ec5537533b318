-- The connection to Debitura managed from the admin page: the API key and webhook secrets
-- (encrypted at rest), the subscription as Debitura last reported it, and the import and
-- repair runs (their progress is here so a restarted process resumes where one stopped).

CREATE TABLE "debitura_connection" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "api_key_encrypted" TEXT,
    "agency_name" TEXT,
    "subscription_id" TEXT,
    "webhook_url" TEXT,
    "is_test_mode" BOOLEAN NOT NULL DEFAULT false,
    "remote_is_active" BOOLEAN,
    "remote_url" TEXT,
    "remote_events" JSONB,
    "disabled_reason" TEXT,
    "disabled_since" TIMESTAMPTZ(3),
    "checked_at" TIMESTAMPTZ(3),
    "check_error" TEXT,
    "repaired_until" TIMESTAMPTZ(3),
    "connected_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "debitura_connection_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "debitura_connection_single_row" CHECK ("id" = 1)
);

CREATE TABLE "debitura_webhook_secrets" (
    "id" UUID NOT NULL,
    "secret_encrypted" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiring_since" TIMESTAMPTZ(3),
    CONSTRAINT "debitura_webhook_secrets_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "debitura_webhook_secrets_fingerprint_key" ON "debitura_webhook_secrets"("fingerprint");

CREATE TABLE "debitura_sync_runs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "include_test" BOOLEAN NOT NULL DEFAULT false,
    "since" TIMESTAMPTZ(3),
    "next_page" INTEGER NOT NULL DEFAULT 1,
    "total_cases" INTEGER,
    "cases_done" INTEGER NOT NULL DEFAULT 0,
    "events_recovered" INTEGER NOT NULL DEFAULT 0,
    "differences_fixed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "debitura_sync_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "debitura_sync_runs_status_started_at_idx" ON "debitura_sync_runs"("status", "started_at");

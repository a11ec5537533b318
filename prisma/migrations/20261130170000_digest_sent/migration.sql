-- The daily digest (lib/digest/): one row per user and local date (the agency's calendar) once a
-- worker has claimed that day's email. The primary key makes the claim (INSERT ... ON CONFLICT)
-- safe across any number of worker processes and restarts, so nobody gets the same day's digest
-- twice. `retry_at` is when a later pass may take the row over: the end of the sender's lease
-- while `sending` (a worker that died mid-send), the next try after a `failed` send, NULL once
-- final (`sent`, `empty`: nothing due, nothing sent, or `failed` after the last attempt).
CREATE TABLE "digest_sends" (
    "user_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retry_at" TIMESTAMPTZ(3),
    -- Why the last attempt failed, without secrets (never the SMTP URL).
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "digest_sends_pkey" PRIMARY KEY ("user_id", "local_date"),
    CONSTRAINT "digest_sends_status_check" CHECK ("status" IN ('sending', 'sent', 'empty', 'failed')),
    CONSTRAINT "digest_sends_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The collector's work queue: agency-internal follow-ups and promises to pay on a case.
-- Debitura's own deadlines (chat replies, acceptance, monthly updates) are read from the
-- rows that already exist; these two are what the agency adds itself. Internal notes are
-- timeline rows (case_events of type 'note.internal'), never sent to Debitura.

-- "Call back Tuesday": a local date (the agency's calendar) and a note.
CREATE TABLE "follow_ups" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "due_date" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by" UUID,
    "closed_at" TIMESTAMPTZ(3),
    CONSTRAINT "follow_ups_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "follow_ups_status_check" CHECK ("status" IN ('open', 'done', 'cancelled')),
    CONSTRAINT "follow_ups_closed_check" CHECK (("status" = 'open') = ("closed_at" IS NULL)),
    CONSTRAINT "follow_ups_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "follow_ups_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "follow_ups_case_id_created_at_idx" ON "follow_ups"("case_id", "created_at");
-- The queue reads only open follow-ups: a partial index keeps done ones out of its way.
CREATE INDEX "follow_ups_due_date_idx" ON "follow_ups"("due_date") WHERE "status" = 'open';

-- "The debtor promised 500 EUR by the 15th". Whether it was kept is not stored: it follows
-- from the case's payments dated promised_on..due_date (lib/work/promises.ts), so a payment
-- that arrives or is deleted later changes the answer without a job. Only a cancellation
-- is a fact of its own.
CREATE TABLE "payment_promises" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "promised_on" DATE NOT NULL,
    "due_date" DATE NOT NULL,
    "note" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_by" UUID,
    "cancelled_at" TIMESTAMPTZ(3),
    CONSTRAINT "payment_promises_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_promises_amount_check" CHECK ("amount_minor" > 0),
    CONSTRAINT "payment_promises_dates_check" CHECK ("due_date" >= "promised_on"),
    CONSTRAINT "payment_promises_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "payment_promises_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "payment_promises_case_id_created_at_idx" ON "payment_promises"("case_id", "created_at");
CREATE INDEX "payment_promises_due_date_idx" ON "payment_promises"("due_date") WHERE "cancelled_at" IS NULL;

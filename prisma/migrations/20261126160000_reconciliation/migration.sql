-- Payment reconciliation (issue 5): the reconciliation state of each payment, and bank
-- statements imported to match payments against.

ALTER TABLE "payments"
    ADD COLUMN "reconciliation_status" TEXT NOT NULL DEFAULT 'unreconciled',
    ADD COLUMN "reconciled_at" TIMESTAMPTZ(3),
    ADD COLUMN "reconciled_by" UUID,
    ADD COLUMN "reconcile_note" TEXT,
    ADD CONSTRAINT "payments_reconciliation_status_check"
        CHECK ("reconciliation_status" IN ('unreconciled', 'matched', 'reconciled', 'needs_review'));

-- The /payments list filters by status and sorts by payment date; matching looks payments
-- up by exact amount and currency.
CREATE INDEX "payments_reconciliation_status_date_idx" ON "payments"("reconciliation_status", "date");
CREATE INDEX "payments_date_id_idx" ON "payments"("date", "id");
CREATE INDEX "payments_currency_amount_minor_idx" ON "payments"("currency", "amount_minor");

-- One row per imported file. The same file (byte for byte) imported twice hits the unique
-- file hash and changes nothing.
CREATE TABLE "bank_statement_imports" (
    "id" UUID NOT NULL,
    "file_hash" TEXT NOT NULL,
    "file_name" TEXT,
    "mapping" JSONB NOT NULL,
    "imported_by" UUID,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "row_count" INTEGER NOT NULL,
    "line_count" INTEGER NOT NULL,
    "duplicate_line_count" INTEGER NOT NULL DEFAULT 0,
    "skipped_row_count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "bank_statement_imports_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "bank_statement_imports_file_hash_key" ON "bank_statement_imports"("file_hash");
CREATE INDEX "bank_statement_imports_imported_at_idx" ON "bank_statement_imports"("imported_at");

-- One row per statement line. The line hash (date, amount, currency, reference and the
-- line's occurrence among identical ones in its file) is unique, so overlapping statements
-- don't import the same transfer twice.
CREATE TABLE "bank_lines" (
    "id" UUID NOT NULL,
    "import_id" UUID NOT NULL,
    "line_hash" TEXT NOT NULL,
    "row_number" INTEGER NOT NULL,
    "date" TIMESTAMPTZ(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "matched_payment_id" UUID,
    "match_status" TEXT NOT NULL DEFAULT 'unmatched',
    "match_score" INTEGER,
    "confirmed_by" UUID,
    "confirmed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "bank_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bank_lines_match_status_check"
        CHECK ("match_status" IN ('unmatched', 'suggested', 'confirmed', 'rejected', 'needs_review'))
);
CREATE UNIQUE INDEX "bank_lines_line_hash_key" ON "bank_lines"("line_hash");
CREATE INDEX "bank_lines_import_id_row_number_idx" ON "bank_lines"("import_id", "row_number");
CREATE INDEX "bank_lines_matched_payment_id_idx" ON "bank_lines"("matched_payment_id");
CREATE INDEX "bank_lines_match_status_date_idx" ON "bank_lines"("match_status", "date");

ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "bank_statement_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_matched_payment_id_fkey" FOREIGN KEY ("matched_payment_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The needs-review rules, enforced where the deletion lands whatever code path applies it
-- (webhook, reprocess, a script): when Debitura deletes a payment that was reconciled or
-- matched, the payment goes to needs_review, and so does every bank line matched or
-- suggested to it. A BEFORE trigger so the payment row's own change is part of the same
-- UPDATE; the bank lines change in the same transaction.
CREATE FUNCTION "payments_deleted_needs_review"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."is_deleted" AND NOT OLD."is_deleted" THEN
    IF OLD."reconciliation_status" IN ('reconciled', 'matched') THEN
      NEW."reconciliation_status" := 'needs_review';
    END IF;
    UPDATE "bank_lines" SET "match_status" = 'needs_review'
      WHERE "matched_payment_id" = NEW."id" AND "match_status" IN ('suggested', 'confirmed');
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "payments_deleted_needs_review"
  BEFORE UPDATE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION "payments_deleted_needs_review"();

-- Security hardening, part 3: what unauthenticated callers can cost.

-- Sign-in throttles besides the per-email lockout (sign_in_throttles): one row per client
-- address (`ip:<address>`) and one for the whole site (`global`), so spraying many emails
-- is slowed too. Same arithmetic as the per-email row (lib/auth/throttle.ts).
CREATE TABLE "sign_in_limits" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    CONSTRAINT "sign_in_limits_pkey" PRIMARY KEY ("key")
);

-- Refused webhook deliveries, counted per minute and reason: a flood of unsigned posts adds
-- to one counter row instead of a row each. rejected_deliveries keeps only a few samples
-- per minute and reason (lib/webhooks/rejections.ts).
CREATE TABLE "rejected_delivery_counts" (
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "rejected_delivery_counts_pkey" PRIMARY KEY ("minute", "reason")
);

-- Audit retention. The audit log stays append-only (migration 20261126170000_audit_append_only)
-- with one sanctioned exception: a DELETE of a row older than the retention the deleting
-- transaction declares with `SET LOCAL casedesk.audit_retention_days = '<days>'` (at least 30).
-- Only the retention job (lib/security/retention.ts) does that. UPDATE and TRUNCATE stay refused,
-- and so does any DELETE of a younger row or without the setting.
CREATE OR REPLACE FUNCTION "audit_log_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  retention TEXT := current_setting('casedesk.audit_retention_days', true);
BEGIN
  IF TG_OP = 'DELETE' AND retention ~ '^[0-9]{1,6}$' AND retention::int >= 30
     AND OLD."at" < now() - make_interval(days => retention::int) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

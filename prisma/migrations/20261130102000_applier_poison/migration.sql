-- A poison-proof applier (lib/webhooks/applier.ts): an event whose application throws is tried
-- again after a growing delay instead of at once, so it never holds back the events behind it;
-- after a bounded number of attempts it is `failed` and waits for an admin's reprocess.
-- NULL means due now (every new event), so the hot insert path is unchanged.
ALTER TABLE "webhook_events" ADD COLUMN "next_attempt_at" TIMESTAMPTZ(3);

-- Security hardening, part 1: Debitura's payment and chat ids are scoped to their case.
-- Before, one global unique key let a payment.created / payment.deleted (or chat.created)
-- naming another case's id update that other case's row, whose balance nobody recomputed.
-- Keyed by (case, id), an event only ever writes rows of the case it names.

DROP INDEX "payments_debitura_payment_id_key";
CREATE UNIQUE INDEX "payments_case_id_debitura_payment_id_key" ON "payments"("case_id", "debitura_payment_id");

DROP INDEX "chat_messages_debitura_chat_id_key";
CREATE UNIQUE INDEX "chat_messages_case_id_debitura_chat_id_key" ON "chat_messages"("case_id", "debitura_chat_id");

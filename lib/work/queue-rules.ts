import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The SQL pieces of the queue's rules that other modules may want to reuse (reports read
 * the same "answered" and "last progress note" facts). Each rule is written once: in SQL
 * (migration 20261130143000_queue_speed), where the triggers that keep `case_work_facts`
 * need it too, and called from here.
 */

/**
 * A chat message that answers the thread, in chat_messages `alias`: a reply written here
 * (unless it finally failed) or one the agency wrote in Debitura's own portal, which comes
 * back inbound with the Collection partner role.
 */
export function isAgencyAnswerSql(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`is_agency_answer(${alias}.direction, ${alias}.status, ${alias}.author_role)`;
}

/**
 * When the case `caseAlias` last got a progress note to Debitura: the outbox's progress_note
 * actions once sent (or confirmed), at the time they were sent; null when none was. A note
 * still pending or failed does not count: Debitura has not seen it. (Debitura sends no webhook
 * for notes written in its own portal, so those are not known here; docs/debitura.md.) Read
 * from `case_work_facts`, which triggers on outbound_actions keep.
 */
export function lastProgressNoteSql(caseAlias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT f.last_progress_note_at FROM case_work_facts f WHERE f.case_id = ${caseAlias}.id)`;
}

/** The progress notes that count, in outbound_actions `alias` (reports read their history). */
export function isSentProgressNoteSql(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${alias}.kind = 'progress_note' AND ${alias}.status IN ('sent', 'confirmed'))`;
}

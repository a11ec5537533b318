import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The SQL pieces of the queue's rules that other modules reuse (reports read the same
 * "answered" and "progress note" facts). "Answered" is written once, in SQL (migration
 * 20261130143000_queue_speed), where `refresh_case_work_facts` needs it too, and called
 * from here. A progress note counts once sent (or confirmed): Debitura has not seen a note
 * still pending or failed; notes written in Debitura's own portal send no webhook, so those
 * are not known here (docs/debitura.md).
 */

/**
 * A chat message that answers the thread, in chat_messages `alias`: a reply written here
 * (unless it finally failed) or one the agency wrote in Debitura's own portal, which comes
 * back inbound with the Collection partner role.
 */
export function isAgencyAnswerSql(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`is_agency_answer(${alias}.direction, ${alias}.status, ${alias}.author_role)`;
}

/** The progress notes that count, in outbound_actions `alias` (reports read their history). */
export function isSentProgressNoteSql(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${alias}.kind = 'progress_note' AND ${alias}.status IN ('sent', 'confirmed'))`;
}

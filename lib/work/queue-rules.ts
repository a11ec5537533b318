import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The SQL pieces of the queue's rules that other modules may want to reuse (reports read
 * the same "answered" and "last progress note" facts). Each rule is written once, here.
 */

/**
 * A chat message that answers the thread, in chat_messages `alias`: a reply written here
 * (unless it finally failed) or one the agency wrote in Debitura's own portal, which comes
 * back inbound with the Collection partner role.
 */
export function isAgencyAnswerSql(alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${alias}.direction = 'outbound' AND ${alias}.status IS DISTINCT FROM 'failed')
    OR regexp_replace(lower(COALESCE(${alias}.author_role, '')), '[^a-z]', '', 'g') = 'collectionpartner')`;
}

/**
 * When the case `caseAlias` last got a progress note to Debitura: the outbox's progress_note
 * actions once sent (or confirmed). Null when none was ever sent.
 */
export function lastProgressNoteSql(caseAlias: Prisma.Sql): Prisma.Sql {
  // Until the outbox (outbound_actions) is on main there is no record of progress notes.
  void caseAlias;
  return Prisma.sql`NULL::timestamptz`;
}

import { Prisma } from '@/lib/generated/prisma/client';
import { HttpError } from '@/lib/api/errors';
import { recordPayment, type Actor } from '@/lib/case-actions/perform';
import { paymentSchema } from '@/lib/case-actions/schemas';
import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import { db } from '@/lib/db';
import type { ActionStatus } from '@/lib/outbox/kinds';
import { isNamedSql, textWordsSql } from './reference-in-text';

/**
 * "Register with Debitura": a bank line that paid the agency for a case Casedesk can name, but
 * that no Debitura payment matches, is recorded with Debitura as a payment to the collection
 * partner (date and amount from the line) by the one payment action (lib/case-actions), with
 * the line attached; lib/outbox/bank-lines.ts reconciles the line once Debitura's
 * payment.created confirms it. A line names a case when exactly one case's reference is named
 * in its text (reference-in-text.ts, the matcher's rule too), in the line's currency (two
 * candidates: the manager chooses by hand).
 */

export const MAX_REGISTER = 200;
/** How long a registered line stays in the list, showing how its registration went. */
const SHOWN_AFTER_REGISTERING_DAYS = 14;

export type Registration = { actionId: string; status: ActionStatus; error: string | null };

export type RegistrableLine = {
  id: string;
  importId: string;
  rowNumber: number;
  date: Date;
  amountMinor: bigint;
  currency: string;
  text: string;
  matchStatus: string;
  caseReference: string;
  caseState: string | null;
  /** The latest registration of the line, if any. */
  registration: Registration | null;
  canRegister: boolean;
};

type Row = {
  id: string;
  import_id: string;
  row_number: number;
  date: Date;
  amount_minor: bigint;
  currency: string;
  text: string;
  match_status: string;
  case_reference: string;
  case_state: string | null;
  action_id: string | null;
  action_status: ActionStatus | null;
  action_error: string | null;
  action_error_code: string | null;
};

/**
 * The lines to offer (or recently offered), newest first. Only positive amounts: money paid
 * to the agency. A registration that Debitura refused may be tried again; any other one is
 * the line's payment on its way (its Retry is on the outbox page, with the same key).
 */
export async function listRegistrableLines(
  options: { importId?: string; lineIds?: string[]; limit?: number } = {},
): Promise<RegistrableLine[]> {
  const onlyImport = options.importId ? Prisma.sql`AND bl.import_id = ${options.importId}::uuid` : Prisma.empty;
  const onlyLines = options.lineIds ? Prisma.sql`AND bl.id = ANY(${options.lineIds}::uuid[])` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    WITH lines AS (
      SELECT bl.*, a.id AS action_id, a.status AS action_status, a.last_error AS action_error,
             a.error_code AS action_error_code
      FROM bank_lines bl
      LEFT JOIN LATERAL (
        SELECT id, status, last_error, error_code, created_at FROM outbound_actions
        WHERE bank_line_id = bl.id AND kind = 'payment_create' ORDER BY created_at DESC, id DESC LIMIT 1
      ) a ON true
      WHERE bl.amount_minor > 0 ${onlyImport} ${onlyLines}
        AND ((bl.match_status = 'unmatched' AND a.id IS NULL)
             OR a.created_at > now() - make_interval(days => ${SHOWN_AFTER_REGISTERING_DAYS}))
    )
    SELECT l.id, l.import_id, l.row_number, l.date, l.amount_minor, l.currency, l.reference AS text, l.match_status,
           m.case_reference, m.case_state, l.action_id, l.action_status, l.action_error, l.action_error_code
    FROM lines l
    CROSS JOIN LATERAL (
      SELECT min(c.reference) AS case_reference, min(c.state) AS case_state, count(DISTINCT c.id) AS cases
      FROM cases c
      WHERE ${isNamedSql(Prisma.sql`c.reference`, textWordsSql(Prisma.sql`l.reference`))}
        AND NOT c.is_test AND c.currency = l.currency
    ) m
    WHERE m.cases = 1
    ORDER BY l.date DESC, l.row_number, l.id
    LIMIT ${options.limit ?? 100}`;
  return rows.map((row) => {
    const registration = row.action_id
      ? { actionId: row.action_id, status: row.action_status!, error: row.action_error }
      : null;
    const isRefused = row.action_status === 'failed' && row.action_error_code === 'refused';
    return {
      id: row.id,
      importId: row.import_id,
      rowNumber: row.row_number,
      date: row.date,
      amountMinor: row.amount_minor,
      currency: row.currency,
      text: row.text,
      matchStatus: row.match_status,
      caseReference: row.case_reference,
      caseState: normalizeLifecycle(row.case_state) ?? row.case_state,
      registration,
      canRegister: row.match_status === 'unmatched' && (!registration || isRefused),
    };
  });
}

/** Why a line was not registered: `code` names its message in `payments.register.reason`. */
export type SkipReason = 'notFound' | 'alreadyRegistered' | 'refused';
export type RegisterResult = {
  registered: { lineId: string; actionId: string }[];
  skipped: { lineId: string; reason: SkipReason; message?: string }[];
};

/**
 * Registers each line as its own payment action (one failing does not stop the others). The
 * case and then the line are locked while the action is stored (lib/case-actions/perform.ts),
 * so two managers pressing the button at once register the line once.
 */
export async function registerBankLines(actor: Actor, lineIds: string[]): Promise<RegisterResult> {
  const lines = new Map((await listRegistrableLines({ lineIds, limit: MAX_REGISTER })).map((line) => [line.id, line]));
  const result: RegisterResult = { registered: [], skipped: [] };
  for (const lineId of new Set(lineIds)) {
    const line = lines.get(lineId);
    if (!line) {
      result.skipped.push({ lineId, reason: 'notFound' });
      continue;
    }
    if (!line.canRegister) {
      result.skipped.push({ lineId, reason: 'alreadyRegistered' });
      continue;
    }
    try {
      const input = paymentSchema.parse({
        date: line.date.toISOString().slice(0, 10),
        amountMinor: Number(line.amountMinor),
        recipient: 'CollectionPartner',
      });
      const action = await recordPayment(actor, line.caseReference, input, { bankLineId: line.id });
      result.registered.push({ lineId, actionId: action.id });
    } catch (error) {
      if (!(error instanceof HttpError) && !(error instanceof Error && error.name === 'ZodError')) throw error;
      const isTaken = error instanceof HttpError && error.code === 'bank_line_registered';
      result.skipped.push({
        lineId,
        reason: isTaken ? 'alreadyRegistered' : 'refused',
        ...(isTaken ? {} : { message: error.message }),
      });
    }
  }
  return result;
}

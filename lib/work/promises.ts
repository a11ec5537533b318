import { z } from 'zod';
import { NotFoundError, ValidationError } from '@/lib/api/errors';
import { recordAudit } from '@/lib/audit/audit';
import { agencyCalendar, nextBusinessDay, type AgencyCalendar } from '@/lib/deadlines/calendar';
import { agencyToday } from '@/lib/deadlines/business-time';
import { startOfLocalDay } from '@/lib/deadlines/zoned-time';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { notifyLive } from '@/lib/live/notify';
import { lockCaseForWork, type Worker } from './case-access';
import { dateText, dateValue, isoDateSchema } from './dates';

/**
 * Promises to pay: an amount in the case's currency by a date, agency-internal. Kept or
 * broken is never stored: it is read from the case's payments dated from the day the
 * promise was made to its due date (deleted payments do not count), so it is right the
 * moment a payment arrives or is deleted.
 *
 * - kept: those payments reach the amount;
 * - broken: they do not, and the next business day after the due date has begun;
 * - cancelled: someone cancelled it (a kept promise can no longer be);
 * - open: otherwise.
 */

export type PromiseStatus = 'open' | 'kept' | 'broken' | 'cancelled';

const MAX_MINOR = Number.MAX_SAFE_INTEGER;

export const promiseInputSchema = z.object({
  amountMinor: z
    .number({ error: 'amountMinor must be a whole number of minor units' })
    .int('amountMinor must be a whole number of minor units')
    .positive('amountMinor must be more than 0')
    .max(MAX_MINOR),
  dueDate: isoDateSchema,
  /** The day the debtor promised; default today, or the due date when that is already past. */
  promisedOn: isoDateSchema.optional(),
  note: z.string().trim().max(2_000).optional(),
});

export type PromiseView = {
  id: string;
  amountMinor: number;
  currency: string;
  promisedOn: string;
  dueDate: string;
  note: string | null;
  status: PromiseStatus;
  /** Paid towards it so far: payments dated promisedOn..dueDate. */
  paidMinor: number;
  createdAt: string;
  cancelledAt: string | null;
};

/** The first moment a promise unmet by its due date counts as broken: the next business day. */
export function promiseBrokenFrom(dueDate: string, calendar: AgencyCalendar): Date {
  return startOfLocalDay(nextBusinessDay(dueDate, calendar.country), calendar.timeZone);
}

export function promiseStatus(
  promise: { cancelledAt: Date | null; amountMinor: bigint; paidMinor: bigint; dueDate: string },
  now: Date,
  calendar: AgencyCalendar,
): PromiseStatus {
  if (promise.cancelledAt) return 'cancelled';
  if (promise.paidMinor >= promise.amountMinor) return 'kept';
  return now >= promiseBrokenFrom(promise.dueDate, calendar) ? 'broken' : 'open';
}

/**
 * Paid towards promise `alias` (payment_promises): the case's payments in its currency,
 * not deleted, dated (on the agency's calendar) from promised_on to due_date.
 */
export function paidTowardsPromiseSql(alias: Prisma.Sql, timeZone: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT COALESCE(sum(p.amount_minor), 0)::bigint FROM payments p
    WHERE p.case_id = ${alias}.case_id AND NOT p.is_deleted AND p.amount_minor IS NOT NULL
      AND p.currency = ${alias}.currency
      AND (p.date AT TIME ZONE ${timeZone})::date BETWEEN ${alias}.promised_on AND ${alias}.due_date)`;
}

type Row = {
  id: string;
  amount_minor: bigint;
  currency: string;
  promised_on: Date;
  due_date: Date;
  note: string | null;
  created_at: Date;
  cancelled_at: Date | null;
  paid_minor: bigint;
};

function toView(row: Row, now: Date, calendar: AgencyCalendar): PromiseView {
  const dueDate = dateText(row.due_date);
  return {
    id: row.id,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    promisedOn: dateText(row.promised_on),
    dueDate,
    note: row.note,
    status: promiseStatus(
      { cancelledAt: row.cancelled_at, amountMinor: row.amount_minor, paidMinor: row.paid_minor, dueDate },
      now,
      calendar,
    ),
    paidMinor: Number(row.paid_minor),
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
  };
}

async function readPromises(
  client: Pick<Prisma.TransactionClient, '$queryRaw'>,
  where: Prisma.Sql,
  calendar: AgencyCalendar,
): Promise<Row[]> {
  return client.$queryRaw<Row[]>`
    SELECT pp.id, pp.amount_minor, pp.currency, pp.promised_on, pp.due_date, pp.note, pp.created_at, pp.cancelled_at,
           ${paidTowardsPromiseSql(Prisma.raw('pp'), calendar.timeZone)} AS paid_minor
    FROM payment_promises pp WHERE ${where}
    ORDER BY pp.due_date DESC, pp.created_at DESC`;
}

export async function addPromise(
  worker: Worker,
  reference: string,
  input: z.infer<typeof promiseInputSchema>,
  now = new Date(),
): Promise<PromiseView> {
  const calendar = agencyCalendar();
  const today = agencyToday(now, calendar);
  const promisedOn = input.promisedOn ?? (input.dueDate < today ? input.dueDate : today);
  if (promisedOn > today) throw new ValidationError('promisedOn: a promise cannot be made in the future.');
  if (input.dueDate < promisedOn) throw new ValidationError('dueDate: cannot be before the day the promise was made.');
  return db.$transaction(async (tx) => {
    const found = await lockCaseForWork(tx, worker, reference);
    if (!found.currency) throw new ValidationError('This case has no currency yet: a promise needs one.');
    const created = await tx.paymentPromise.create({
      data: {
        caseId: found.id,
        amountMinor: BigInt(input.amountMinor),
        currency: found.currency,
        promisedOn: dateValue(promisedOn),
        dueDate: dateValue(input.dueDate),
        note: input.note || null,
        createdBy: worker.id,
      },
      select: { id: true },
    });
    const detail = {
      promiseId: created.id,
      amountMinor: input.amountMinor,
      currency: found.currency,
      promisedOn,
      dueDate: input.dueDate,
    };
    await tx.caseEvent.create({
      data: { caseId: found.id, type: 'promise.added', at: now, actorId: worker.id, detail },
    });
    await recordAudit(
      { actor: worker, action: 'promise.added', targetType: 'case', targetId: found.reference, detail },
      tx,
    );
    await notifyLive(tx, 'work.changed', found.reference);
    const [row] = await readPromises(tx, Prisma.sql`pp.id = ${created.id}::uuid`, calendar);
    return toView(row, now, calendar);
  });
}

export async function cancelPromise(
  worker: Worker,
  reference: string,
  promiseId: string,
  now = new Date(),
): Promise<PromiseView> {
  if (!z.uuid().safeParse(promiseId).success) throw new NotFoundError('No such promise.');
  const calendar = agencyCalendar();
  return db.$transaction(async (tx) => {
    const found = await lockCaseForWork(tx, worker, reference);
    const [row] = await readPromises(
      tx,
      Prisma.sql`pp.id = ${promiseId}::uuid AND pp.case_id = ${found.id}::uuid`,
      calendar,
    );
    if (!row) throw new NotFoundError('No such promise on this case.');
    const current = toView(row, now, calendar);
    if (current.status === 'cancelled') return current;
    if (current.status === 'kept') throw new ValidationError('This promise was kept: there is nothing to cancel.');
    await tx.paymentPromise.update({ where: { id: promiseId }, data: { cancelledAt: now, cancelledBy: worker.id } });
    const detail = {
      promiseId,
      amountMinor: current.amountMinor,
      currency: current.currency,
      dueDate: current.dueDate,
    };
    await tx.caseEvent.create({
      data: { caseId: found.id, type: 'promise.cancelled', at: now, actorId: worker.id, detail },
    });
    await recordAudit(
      { actor: worker, action: 'promise.cancelled', targetType: 'case', targetId: found.reference, detail },
      tx,
    );
    await notifyLive(tx, 'work.changed', found.reference);
    return { ...current, status: 'cancelled', cancelledAt: now.toISOString() };
  });
}

/** A case's promises with their status, latest due date first. */
export async function listPromises(caseId: string, now = new Date()): Promise<PromiseView[]> {
  const calendar = agencyCalendar();
  const rows = await readPromises(db, Prisma.sql`pp.case_id = ${caseId}::uuid`, calendar);
  return rows.map((row) => toView(row, now, calendar));
}

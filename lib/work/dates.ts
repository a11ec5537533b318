import { z } from 'zod';
import { isIsoDate } from '@/lib/deadlines/calendar';

/** A calendar date in the API and forms: `YYYY-MM-DD`, a real day. */
export const isoDateSchema = z
  .string({ error: 'must be a date (YYYY-MM-DD)' })
  .refine(isIsoDate, { message: 'must be a date (YYYY-MM-DD)' });

/** A DATE column as Prisma returns it (midnight UTC) back to `YYYY-MM-DD`. */
export const dateText = (value: Date): string => value.toISOString().slice(0, 10);

/** `YYYY-MM-DD` to the Date Prisma writes into a DATE column. */
export const dateValue = (value: string): Date => new Date(`${value}T00:00:00Z`);

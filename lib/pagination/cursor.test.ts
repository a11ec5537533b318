import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditCursor, deliveryCursor, rejectedCursor } from '@/lib/admin/cursor';
import {
  decodeCursor as decodeCaseCursor,
  encodeCursor as encodeCaseCursor,
  InvalidCursorError,
} from '@/lib/cases/cursor';
import { paymentCursor } from '@/lib/payments/cursor';
import { cursorField, defineCursor, MAX_CURSOR_LENGTH } from './cursor';

const ID = '3f2b8c1e-5d7a-4c1b-9b0e-2a6f4d8e9c01';
/** A cursor as someone editing the URL would make one: any JSON, base64url-encoded. */
const forge = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

const pairCursor = defineCursor<{ at: Date; id: string }>('pairs', {
  toFields: ({ at, id }) => [at.toISOString(), id],
  fields: z.tuple([cursorField.time, cursorField.uuid]).transform(([at, id]) => ({ at, id })),
});

describe('the cursor codec', () => {
  it('round-trips a value as URL-safe text', () => {
    const value = { at: new Date('2026-11-20T10:15:00.123Z'), id: ID };
    const text = pairCursor.encode(value);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(pairCursor.decode(text)).toEqual(value);
  });

  it('answers null, never throws, for anything it did not make', () => {
    const good = pairCursor.encode({ at: new Date(0), id: ID });
    for (const bad of [
      undefined,
      null,
      '',
      'not a cursor',
      '%7B%7D',
      '../../etc',
      good + '=',
      good.slice(0, -3),
      Buffer.from('{not json').toString('base64url'),
      forge({ list: 'pairs' }),
      forge(['pairs']),
      forge(['pairs', '2026-11-20T10:15:00.000Z']),
      forge(['pairs', '2026-11-20T10:15:00.000Z', ID, 'extra']),
      forge(['other', '2026-11-20T10:15:00.000Z', ID]),
      forge(['pairs', 1_700_000_000, ID]),
      forge(['pairs', '2026-11-20T10:15:00.000Z', 'not-a-uuid']),
      'A'.repeat(MAX_CURSOR_LENGTH + 1),
    ]) {
      expect(pairCursor.decode(bad), String(bad)).toBeNull();
    }
  });

  it('splits rows read with one extra into the page and the cursor after its last row', () => {
    const ids = [30n, 20n, 10n];
    expect(auditCursor.page(ids, 2, (id) => id)).toEqual({ rows: [30n, 20n], nextCursor: auditCursor.encode(20n) });
    expect(auditCursor.page(ids, 3, (id) => id)).toEqual({ rows: ids, nextCursor: null });
    expect(auditCursor.page([], 3, (id: bigint) => id)).toEqual({ rows: [], nextCursor: null });
  });

  it('keeps each list to its own cursors', () => {
    const payment = paymentCursor.encode({ date: new Date(0), id: ID });
    expect(deliveryCursor.decode(payment)).toBeNull();
    expect(auditCursor.decode(rejectedCursor.encode(5n))).toBeNull();
    expect(() => decodeCaseCursor(payment, 'assigned', 'desc')).toThrow(InvalidCursorError);
  });
});

describe('cursor fields: only values PostgreSQL accepts for the column', () => {
  const accepts = (field: z.ZodType, value: unknown) => field.safeParse(value).success;

  it('time: ISO 8601 in UTC as toISOString writes it, years 1 to 9999', () => {
    expect(accepts(cursorField.time, new Date('2026-11-20T10:15:00Z').toISOString())).toBe(true);
    expect(accepts(cursorField.time, '0001-01-01T00:00:00.000Z')).toBe(true);
    // Each of these passes Date.parse, and some of them PostgreSQL would refuse with an error.
    for (const bad of ['1', '2026', '2026-11-20', 'Nov 20 2026', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z']) {
      expect(accepts(cursorField.time, bad), bad).toBe(false);
    }
  });

  it('bigint: decimal text within int8', () => {
    expect(cursorField.bigint.parse('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(cursorField.bigint.parse('-9223372036854775808')).toBe(-(2n ** 63n));
    for (const bad of ['9223372036854775808', '9999999999999999999', '1e9', '1.5', '', ' 1', 12]) {
      expect(accepts(cursorField.bigint, bad), String(bad)).toBe(false);
    }
  });

  it('text: 1 to 200 characters, no NUL', () => {
    expect(accepts(cursorField.text, 'Q8OAXF3W')).toBe(true);
    expect(accepts(cursorField.text, 'Ø'.repeat(200))).toBe(true);
    for (const bad of ['', 'x'.repeat(201), 'a\u0000b', 7]) expect(accepts(cursorField.text, bad)).toBe(false);
  });

  it('uuid: the 8-4-4-4-12 hex form', () => {
    expect(accepts(cursorField.uuid, ID.toUpperCase())).toBe(true);
    for (const bad of ['', 'not-a-uuid', `${ID}0`, ID.replaceAll('-', ''), "' OR 1=1 --"]) {
      expect(accepts(cursorField.uuid, bad)).toBe(false);
    }
  });
});

describe('each list’s cursor', () => {
  it('cases: by sort, direction and segment; a value that would not cast is refused', () => {
    const valued = { sort: 'outstanding', dir: 'desc', segment: 'value', value: '-123456', id: ID } as const;
    expect(decodeCaseCursor(encodeCaseCursor(valued), 'outstanding', 'desc')).toEqual(valued);
    const tail = { sort: 'assigned', dir: 'asc', segment: 'null', value: null, id: ID } as const;
    expect(decodeCaseCursor(encodeCaseCursor(tail), 'assigned', 'asc')).toEqual(tail);
    expect(() => decodeCaseCursor(encodeCaseCursor(valued), 'outstanding', 'asc')).toThrow(/different sort order/);

    for (const bad of [
      forge(['cases', 'assigned', 'desc', 1, '1', ID]),
      forge(['cases', 'activity', 'desc', 1, '2026-11-20', ID]),
      forge(['cases', 'outstanding', 'desc', 1, '99999999999999999999', ID]),
      forge(['cases', 'reference', 'asc', 1, 'a\u0000b', ID]),
      forge(['cases', 'reference', 'asc', 1, null, ID]),
      forge(['cases', 'assigned', 'desc', 0, '2026-11-20T10:15:00.000Z', ID]),
      forge(['cases', 'assigned', 'desc', 2, null, ID]),
      forge(['cases', 'sideways', 'desc', 1, 'x', ID]),
    ]) {
      const [, sort, dir] = JSON.parse(Buffer.from(bad, 'base64url').toString()) as [string, 'assigned', 'desc'];
      expect(() => decodeCaseCursor(bad, sort, dir), bad).toThrow(InvalidCursorError);
    }
  });

  it('payments: a date or the dateless tail, and the id', () => {
    const dated = { date: new Date('2026-11-20T00:00:00Z'), id: ID };
    expect(paymentCursor.decode(paymentCursor.encode(dated))).toEqual(dated);
    expect(paymentCursor.decode(paymentCursor.encode({ date: null, id: ID }))).toEqual({ date: null, id: ID });
    expect(paymentCursor.decode(forge(['payments', '1', ID]))).toBeNull();
  });

  it('deliveries: time and Debitura’s event id; audit and rejected: the bigint id', () => {
    const delivery = { at: new Date('2026-11-20T10:15:00Z'), id: 'evt_01J9Z' };
    expect(deliveryCursor.decode(deliveryCursor.encode(delivery))).toEqual(delivery);
    expect(deliveryCursor.decode(forge(['deliveries', delivery.at.toISOString(), '']))).toBeNull();
    expect(auditCursor.decode(auditCursor.encode(12345678901234n))).toBe(12345678901234n);
    expect(rejectedCursor.decode(forge(['rejected', '9223372036854775808']))).toBeNull();
    expect(rejectedCursor.decode('42')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import { parseCaseListQuery, parseCaseListQueryLeniently, toSearchParams } from './filters';
import { describeTimelineEntry } from './timeline';

describe('case list query', () => {
  it('fills defaults and keeps links short', () => {
    const parsed = parseCaseListQuery(new URLSearchParams(''));
    expect(parsed.ok && parsed.query).toMatchObject({
      sort: 'assigned',
      dir: 'desc',
      limit: 25,
      isTest: false,
      unread: false,
    });
    expect(parsed.ok && toSearchParams(parsed.query).toString()).toBe('');
    const reference = parseCaseListQuery({ sort: 'reference', currency: 'eur', q: '  hansen ', isTest: 'true' });
    expect(reference.ok && reference.query).toMatchObject({
      sort: 'reference',
      dir: 'asc',
      currency: 'EUR',
      q: 'hansen',
      isTest: true,
    });
    expect(reference.ok && toSearchParams(reference.query).toString()).toBe(
      'currency=EUR&isTest=true&q=hansen&sort=reference',
    );
  });

  it('rejects bad values strictly, and drops them leniently for the page', () => {
    expect(parseCaseListQuery({ state: 'Sideways' }).ok).toBe(false);
    expect(parseCaseListQuery({ assignee: 'someone' }).ok).toBe(false);
    const lenient = parseCaseListQueryLeniently({ state: 'Sideways', limit: '9999', q: 'ok' });
    expect(lenient.ignored.sort()).toEqual(['limit', 'state']);
    expect(lenient.query).toMatchObject({ q: 'ok', limit: 25 });
    expect(lenient.query.state).toBeUndefined();
  });
});

describe('cursor', () => {
  const id = '3f2b8c1e-5d7a-4c1b-9b0e-2a6f4d8e9c01';

  it('round-trips and belongs to one sort order', () => {
    const text = encodeCursor({ sort: 'outstanding', dir: 'desc', segment: 'value', value: '123456', id });
    expect(decodeCursor(text, 'outstanding', 'desc')).toEqual({
      sort: 'outstanding',
      dir: 'desc',
      segment: 'value',
      value: '123456',
      id,
    });
    expect(() => decodeCursor(text, 'outstanding', 'asc')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(text, 'assigned', 'desc')).toThrow(InvalidCursorError);
    const tail = encodeCursor({ sort: 'assigned', dir: 'desc', segment: 'null', value: null, id });
    expect(decodeCursor(tail, 'assigned', 'desc').segment).toBe('null');
  });

  it('refuses tampered cursors', () => {
    for (const bad of [
      '',
      'nonsense',
      Buffer.from('[1,2,3]').toString('base64url'),
      encodeCursor({ sort: 'outstanding', dir: 'desc', segment: 'value', value: '1e9', id }),
      encodeCursor({ sort: 'assigned', dir: 'desc', segment: 'value', value: 'x', id: 'not-a-uuid' }),
    ]) {
      expect(() => decodeCursor(bad, bad.length ? 'outstanding' : 'assigned', 'desc'), bad).toThrow(InvalidCursorError);
    }
  });
});

describe('timeline text', () => {
  const format = (minor: number, currency: string) => `${currency} ${minor / 100}`;
  const entry = (
    type: string,
    detail: unknown = {},
    fromState: string | null = null,
    toState: string | null = null,
  ) => ({ type, detail, fromState, toState, actorName: 'Mona Manager' });

  it('says what each event did', () => {
    expect(describeTimelineEntry(entry('case.updated', {}, 'Active', 'NeedsAdditionalDetails'), format).title).toBe(
      'Active → More info required',
    );
    expect(
      describeTimelineEntry(entry('case.closed', { closeCode: 'PartiallyPaid', comment: 'half' }), format),
    ).toMatchObject({ title: 'Closed: Partially paid', note: 'half' });
    expect(
      describeTimelineEntry(
        entry('payment.created', {
          amountMinor: 12345,
          currency: 'EUR',
          recipient: 'CollectionPartner',
          method: 'Card',
        }),
        format,
      ),
    ).toMatchObject({
      title: 'Payment of EUR 123.45 recorded',
      note: 'to Agency, by Card',
    });
    expect(describeTimelineEntry(entry('assignment.changed', { from: null, to: { name: 'Carl' } }), format).title).toBe(
      'Assigned to Carl by Mona Manager',
    );
    expect(
      describeTimelineEntry(entry('assignment.changed', { from: { name: 'Carl' }, to: null }), format),
    ).toMatchObject({ title: 'Unassigned by Mona Manager', note: 'was Carl' });
    expect(describeTimelineEntry(entry('something.new'), format)).toMatchObject({
      title: 'something.new',
      kind: 'other',
    });
  });
});

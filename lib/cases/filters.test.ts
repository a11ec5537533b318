import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import { parseCaseListQuery, parseCaseListQueryLeniently, toSearchParams } from './filters';
import { describeTimelineEntry } from './timeline';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/catalog';

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
  const translators = (locale: 'en' | 'de') => {
    // Loaded from the files at run time, so typed loosely: any key is looked up (a missing one comes back as its path).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const messages: Record<string, any> = loadMessages(locale);
    return [
      createTranslator({ locale, messages, namespace: 'case.timeline' }),
      createTranslator({ locale, messages, namespace: 'vocabulary' }),
    ] as const;
  };
  const [t, vocabulary] = translators('en');
  const entry = (
    type: string,
    detail: unknown = {},
    fromState: string | null = null,
    toState: string | null = null,
  ) => ({ type, detail, fromState, toState, actorName: 'Mona Manager' });
  const say = (value: ReturnType<typeof entry>) => describeTimelineEntry(value, format, t, vocabulary);

  it('says what each event did', () => {
    expect(say(entry('case.updated', {}, 'Active', 'NeedsAdditionalDetails')).title).toBe(
      'Active → More info required',
    );
    expect(say(entry('case.closed', { closeCode: 'PartiallyPaid', comment: 'half' }))).toMatchObject({
      title: 'Closed: Partially paid',
      note: 'half',
    });
    expect(
      say(
        entry('payment.created', {
          amountMinor: 12345,
          currency: 'EUR',
          recipient: 'CollectionPartner',
          method: 'Card',
        }),
      ),
    ).toMatchObject({ title: 'Payment of EUR 123.45 recorded', note: 'to Agency, by Card' });
    expect(say(entry('payment.created', { method: 'Card' }))).toMatchObject({
      title: 'Payment recorded',
      note: 'by Card',
    });
    expect(say(entry('assignment.changed', { from: null, to: { name: 'Carl' } })).title).toBe(
      'Assigned to Carl by Mona Manager',
    );
    expect(say(entry('assignment.changed', { from: { name: 'Carl' }, to: null }))).toMatchObject({
      title: 'Unassigned by Mona Manager',
      note: 'was Carl',
    });
    expect(say(entry('something.new'))).toMatchObject({ title: 'Other event', kind: 'other' });
  });

  it("names the agency's own entries, and marks internal notes as never sent to Debitura", () => {
    expect(say(entry('note.internal', { text: 'Debtor asked for a call on Friday.' }))).toEqual({
      kind: 'internal',
      isInternal: true,
      title: 'Internal note by Mona Manager',
      note: 'Debtor asked for a call on Friday.',
    });
    expect(say(entry('follow_up.added', { dueDate: '2026-12-04', note: 'Call back' }))).toMatchObject({
      title: 'Follow-up for 2026-12-04 set by Mona Manager',
      note: 'Call back',
    });
    expect(say(entry('follow_up.done')).title).toBe('Follow-up done by Mona Manager');
    expect(say(entry('follow_up.cancelled')).title).toBe('Follow-up cancelled by Mona Manager');
    const promise = { amountMinor: 5000, currency: 'EUR', dueDate: '2026-12-10' };
    expect(say(entry('promise.added', promise))).toMatchObject({
      kind: 'work',
      title: 'Payment promise recorded by Mona Manager',
      note: 'EUR 50 by 2026-12-10',
    });
    expect(say(entry('promise.cancelled', promise)).title).toBe('Payment promise cancelled by Mona Manager');
    for (const type of ['note.internal', 'follow_up.added', 'follow_up.done', 'promise.added', 'promise.cancelled']) {
      expect(say(entry(type)).title, type).not.toContain(type);
    }
  });

  it("speaks the reader's language, Debitura's words included", () => {
    const [tDe, vocabularyDe] = translators('de');
    const inGerman = (value: ReturnType<typeof entry>) => describeTimelineEntry(value, format, tDe, vocabularyDe);
    expect(inGerman(entry('case.updated', {}, 'Active', 'Paused')).title).toBe('Aktiv → Pausiert');
    expect(inGerman(entry('case.closed', { closeCode: 'Partially paid' })).title).toBe(
      'Abgeschlossen: Teilweise bezahlt',
    );
    expect(inGerman(entry('payment.created', { recipient: 'Creditor' })).note).toBe('Empfänger: Gläubiger');
    expect(inGerman(entry('note.internal', { text: 'x' })).title).toBe('Interne Notiz von Mona Manager');
  });
});

import { describe, expect, it } from 'vitest';
import { currencyExponent, toMinorUnits } from '@/lib/money/currency';
import {
  DEFAULT_UNTIL,
  generateCaseDetail,
  generateEvents,
  generateSimulation,
  isTestEnvelope,
  type WebhookEnvelope,
} from './generate';

const CLOSE_CODES = [
  'Paid',
  'PartiallyPaid',
  'DebtorInsolventBankrupt',
  'DebtorUntraceable',
  'DisputedLegalActionDeclinedByClient',
  'WithdrawnByClient',
  'PreLegalExhaustedNoPayment',
  'StatuteOfLimitationsExpired',
  'SettlementRejectedByClient',
  'UnresponsiveClient',
  'UneconomicalToPursue',
  'Other',
];
const squash = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');
const normaliseCode = (value: string) => CLOSE_CODES.find((code) => squash(code) === squash(value));

/** Reads a data field in either key style. */
function field(envelope: WebhookEnvelope, key: string): unknown {
  return envelope.data[key] ?? envelope.data[key.charAt(0).toUpperCase() + key.slice(1)];
}

const simulation = generateSimulation({ cases: 300, seed: 42 });
const events = simulation.events;

describe('generateEvents', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateEvents({ cases: 50, seed: 9 }))).toBe(
      JSON.stringify(generateEvents({ cases: 50, seed: 9 })),
    );
    expect(generateEvents({ cases: 50, seed: 10 })[0].id).not.toBe(generateEvents({ cases: 50, seed: 9 })[0].id);
  });

  it('orders events by time, never later than "until", with unique ids and valid envelopes', () => {
    const times = events.map((event) => Date.parse(event.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(DEFAULT_UNTIL.getTime());
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    for (const event of events) {
      expect(event.specVersion).toBe('1.0');
      expect(event.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(field(event, 'reference')).toMatch(/^[A-Z0-9]{8}$/);
    }
    const later = new Date('2026-12-01T00:00:00Z');
    const fresh = generateEvents({ cases: 20, seed: 1, until: later });
    expect(Math.max(...fresh.map((event) => Date.parse(event.timestamp)))).toBeLessThanOrEqual(later.getTime());
    expect(Math.max(...fresh.map((event) => Date.parse(event.timestamp)))).toBeGreaterThan(
      later.getTime() - 30 * 86_400_000,
    );
  });

  it.each([42, 7, 1234])(
    'starts every case with its assignment and closes it with a code that fits its payments (seed %i)',
    (seed) => {
      const { cases, events } = seed === 42 ? simulation : generateSimulation({ cases: 300, seed });
      let closed = 0;
      for (const simCase of cases) {
        const own = events.filter((event) => field(event, 'reference') === simCase.reference);
        expect(own[0].event).toBe('case.assigned');
        const standing = new Map<string, bigint>();
        for (const event of own) {
          if (event.event === 'payment.created') {
            standing.set(
              field(event, 'paymentId') as string,
              toMinorUnits(field(event, 'amount') as number, simCase.currency),
            );
          }
          if (event.event === 'payment.deleted') standing.delete(field(event, 'paymentId') as string);
        }
        const paid = [...standing.values()].reduce((sum, amount) => sum + amount, 0n);
        const closing = own.find((event) => event.event === 'case.closed');
        if (!closing) continue;
        closed++;
        expect(own.at(-1)).toBe(closing);
        const code = normaliseCode(field(closing, 'closeCode') as string);
        expect(code, String(field(closing, 'closeCode'))).toBeDefined();
        const gross = BigInt(simCase.grossMinor);
        const claim =
          gross + BigInt(simCase.fees.interestMinor + simCase.fees.reminderMinor + simCase.fees.collectionMinor);
        if (code === 'Paid') expect(paid).toBeGreaterThanOrEqual(claim);
        else if (code === 'PartiallyPaid') expect(paid > 0n && paid < gross).toBe(true);
        else expect(paid).toBe(0n);
      }
      expect(closed).toBeGreaterThan(100);
      expect(closed).toBeLessThan(cases.length);
    },
  );

  it('sends amounts as JSON numbers with the currency decimals', () => {
    const amounts = events
      .filter((event) => event.event === 'payment.created')
      .map((event) => ({
        amount: field(event, 'amount') as number,
        currency: field(event, 'currency') as string,
      }));
    for (const { amount, currency } of amounts) {
      expect(typeof amount).toBe('number');
      const decimals = String(amount).split('.')[1]?.length ?? 0;
      expect(decimals).toBeLessThanOrEqual(currencyExponent(currency));
      expect(toMinorUnits(amount, currency)).toBeGreaterThan(0n);
    }
    expect(
      amounts.some(({ amount, currency }) => currency === 'KWD' && String(amount).split('.')[1]?.length === 3),
    ).toBe(true);
    expect(amounts.some(({ currency }) => currency === 'JPY')).toBe(true);
  });

  it('mixes what the app must cope with', () => {
    const types = new Set(events.map((event) => event.event));
    expect([...types].sort()).toEqual([
      'case.assigned',
      'case.closed',
      'case.updated',
      'chat.created',
      'payment.created',
      'payment.deleted',
    ]);
    const currencies = new Set(simulation.cases.map((simCase) => simCase.currency));
    expect([...currencies].sort()).toEqual(['DKK', 'EUR', 'GBP', 'JPY', 'KWD', 'SEK']);
    const assigned = events.filter((event) => event.event === 'case.assigned');
    expect(assigned.some((event) => field(event, 'debtor') === undefined)).toBe(true);
    expect(assigned.some((event) => field(event, 'debtor') !== undefined)).toBe(true);
    expect(events.some((event) => 'Reference' in event.data)).toBe(true);
    const codes = events
      .filter((event) => event.event === 'case.closed')
      .map((event) => field(event, 'closeCode') as string);
    expect(codes.some((code) => code.includes(' '))).toBe(true);
    const moves = events
      .filter((event) => event.event === 'case.updated')
      .map((event) => `${field(event, 'oldLifecycle')}>${field(event, 'newLifecycle')}`);
    expect(moves).toEqual(
      expect.arrayContaining([
        'Active>Paused',
        'Paused>Active',
        'Active>NeedsAdditionalDetails',
        'NeedsAdditionalDetails>Active',
      ]),
    );
    const roles = new Set(
      events.filter((event) => event.event === 'chat.created').map((event) => field(event, 'roleLabel')),
    );
    expect([...roles].sort()).toEqual(['Collection partner', 'Creditor', 'Debitura']);
  });

  it('marks test cases on every one of their events', () => {
    expect(generateEvents({ cases: 10, seed: 3, test: true }).every(isTestEnvelope)).toBe(true);
    expect(events.some(isTestEnvelope)).toBe(false);
    const mixed = generateSimulation({ cases: 100, seed: 3, test: 0.2 });
    const testCases = mixed.cases.filter((simCase) => simCase.isTest);
    expect(testCases.length).toBeGreaterThan(5);
    expect(testCases.length).toBeLessThan(40);
    for (const event of mixed.events) {
      const simCase = mixed.cases.find((candidate) => candidate.reference === field(event, 'reference'))!;
      expect(isTestEnvelope(event)).toBe(simCase.isTest);
    }
  });
});

describe('generateCaseDetail', () => {
  it('answers the detail that matches the events, and null for unknown references', () => {
    const options = { cases: 300, seed: 42 };
    for (const simCase of simulation.cases.slice(0, 50)) {
      const detail = generateCaseDetail(simCase.reference, options)!;
      expect(detail.id).toBe(simCase.caseId);
      expect(toMinorUnits(detail.grossAmount, detail.currency)).toBe(BigInt(simCase.grossMinor));
      const assigned = events.find(
        (event) => event.event === 'case.assigned' && field(event, 'reference') === simCase.reference,
      )!;
      if (field(assigned, 'grossAmount') !== undefined) expect(field(assigned, 'grossAmount')).toBe(detail.grossAmount);
      const closing = events.find(
        (event) => event.event === 'case.closed' && field(event, 'reference') === simCase.reference,
      );
      expect(detail.lifecycle === 'Closed').toBe(Boolean(closing));
      if (closing) expect(detail.closeCode).toBe(normaliseCode(field(closing, 'closeCode') as string));
    }
    expect(generateCaseDetail('NOSUCH00', options)).toBeNull();
  });
});

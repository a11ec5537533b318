import { describe, expect, it } from 'vitest';
import { mapCaseDetail } from './detail';
import type { DomainEvent } from './events';
import { compareEvents, foldEvent, isLaterThan, type CaseRecord } from './fold';

const empty: CaseRecord = {
  id: 'case',
  reference: 'R1',
  debituraCaseId: null,
  creditorReference: null,
  currency: null,
  originalAmountMinor: null,
  addedFeesMinor: null,
  fees: null,
  debtor: null,
  debtorName: null,
  creditor: null,
  creditorName: null,
  dateCreated: null,
  dueDate: null,
  engagementPhase: null,
  state: null,
  stateAt: null,
  stateEventId: null,
  closeCode: null,
  closeComment: null,
  closedAt: null,
  isTest: false,
  assignedAt: null,
  detailAt: null,
  lastActivityAt: null,
  detailStatus: 'none',
  detailAttempts: 0,
  detailNextAttemptAt: null,
  detailError: null,
};
const now = new Date('2026-11-26T00:00:00Z');
const base = (id: string, at: string) => ({
  id,
  at: new Date(at),
  reference: 'R1',
  isTest: false,
  debituraCaseId: null,
});
const updated = (id: string, at: string, toState: string): DomainEvent => ({
  ...base(id, at),
  type: 'case.updated',
  fromState: null,
  toState,
});
const none = { isLatestClose: false, isLatestAssignment: false };

function foldAll(events: DomainEvent[]) {
  return events.reduce((record, event) => foldEvent(record, event, none, now), empty);
}

describe('foldEvent', () => {
  it('keeps the state of the latest event whatever the order', () => {
    const events = [
      updated('a', '2026-01-01T00:00:00Z', 'Active'),
      updated('b', '2026-01-02T00:00:00Z', 'Paused'),
      updated('c', '2026-01-03T00:00:00Z', 'Active'),
    ];
    const orders = [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [2, 0, 1],
    ];
    for (const order of orders) {
      const record = foldAll(order.map((index) => events[index]));
      expect(record).toMatchObject({
        state: 'Active',
        stateEventId: 'c',
        lastActivityAt: new Date('2026-01-03T00:00:00Z'),
      });
    }
  });

  it('breaks a tie within the millisecond by the larger event id', () => {
    const a = updated('evt-a', '2026-01-01T00:00:00Z', 'Paused');
    const b = updated('evt-b', '2026-01-01T00:00:00Z', 'Active');
    expect(foldAll([a, b]).state).toBe('Active');
    expect(foldAll([b, a]).state).toBe('Active');
  });

  it('keeps the test flag once set', () => {
    const record = foldAll([
      { ...updated('a', '2026-01-01T00:00:00Z', 'Active'), isTest: true },
      updated('b', '2026-01-02T00:00:00Z', 'Paused'),
    ]);
    expect(record.isTest).toBe(true);
  });

  it('takes detail from the latest assignment and asks for the rest', () => {
    const assigned: DomainEvent = {
      ...base('a', '2026-01-01T00:00:00Z'),
      type: 'case.assigned',
      lifecycle: 'Active',
      assignedAt: new Date('2026-01-01T00:00:00Z'),
      isDetailComplete: false,
      detail: { ...mapCaseDetail({ caseId: 'uuid', currency: 'EUR' }) },
    };
    const record = foldEvent(empty, assigned, { isLatestClose: false, isLatestAssignment: true }, now);
    expect(record).toMatchObject({
      state: 'Active',
      debituraCaseId: 'uuid',
      currency: 'EUR',
      detailStatus: 'pending',
      detailNextAttemptAt: now,
    });
    expect(foldEvent(empty, assigned, none, now).detailStatus).toBe('none');
  });

  it('orders events by time, then id in byte order', () => {
    expect(compareEvents({ at: new Date(1), id: 'b' }, { at: new Date(1), id: 'a' })).toBeGreaterThan(0);
    expect(compareEvents({ at: new Date(1), id: 'z' }, { at: new Date(2), id: 'a' })).toBeLessThan(0);
    expect(isLaterThan({ at: new Date(5), id: 'a' }, null, null)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { addBusinessDays, agencyCalendar, isBusinessDay, isIsoDate, nextBusinessDay } from './calendar';
import { businessDeadline, businessHoursBetween } from './business-time';
import { addMonths } from './months';
import { monthlyUpdateCreditPercent } from './sla';
import { endOfLocalDay, localDate, startOfLocalDay, toZonedIso } from './zoned-time';

const DK = { country: 'DK', timeZone: 'Europe/Copenhagen' };
const DE = { country: 'DE', timeZone: 'Europe/Berlin' };
const GB = { country: 'GB', timeZone: 'Europe/London' };

const due = (event: string, days: number, calendar = DK) =>
  toZonedIso(businessDeadline(new Date(event), days, calendar), calendar.timeZone);

describe('business days', () => {
  it('skips weekends', () => {
    expect(isBusinessDay('2026-11-27', 'DK')).toBe(true); // Friday
    expect(isBusinessDay('2026-11-28', 'DK')).toBe(false);
    expect(isBusinessDay('2026-11-29', 'DK')).toBe(false);
    expect(addBusinessDays('2026-11-27', 1, 'DK')).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-28', 1, 'DK')).toBe('2026-11-30'); // from a Saturday
    expect(addBusinessDays('2026-11-25', 2, 'DK')).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-25', 0, 'DK')).toBe('2026-11-25');
  });

  it('skips Danish Easter: Maundy Thursday, Good Friday and Easter Monday', () => {
    // Easter Sunday 2026 is 5 April.
    for (const day of ['2026-04-02', '2026-04-03', '2026-04-06']) expect(isBusinessDay(day, 'DK')).toBe(false);
    expect(nextBusinessDay('2026-04-01', 'DK')).toBe('2026-04-07');
    expect(due('2026-04-01T10:00:00Z', 2)).toBe('2026-04-08T23:59:59.999+02:00');
    // Germany works on Maundy Thursday.
    expect(nextBusinessDay('2026-04-01', 'DE')).toBe('2026-04-02');
  });

  it('skips German Unity Day in Germany only', () => {
    // 3 October 2025 is a Friday.
    expect(isBusinessDay('2025-10-03', 'DE')).toBe(false);
    expect(isBusinessDay('2025-10-03', 'DK')).toBe(true);
    expect(due('2025-10-02T09:00:00Z', 1, DE)).toBe('2025-10-06T23:59:59.999+02:00');
    expect(due('2025-10-02T09:00:00Z', 1, DK)).toBe('2025-10-03T23:59:59.999+02:00');
  });

  it('counts only public holidays, not observances (Christmas Eve is not a Danish holiday)', () => {
    expect(isBusinessDay('2026-12-24', 'DK')).toBe(true);
    expect(isBusinessDay('2026-12-25', 'DK')).toBe(false);
    // A substitute day off: Boxing Day 2026 is a Saturday, so Monday 28 December is off in Britain.
    expect(isBusinessDay('2026-12-28', 'GB')).toBe(false);
    expect(nextBusinessDay('2026-12-24', 'GB')).toBe('2026-12-29');
  });

  it('crosses a year end with holidays on both sides', () => {
    expect(addBusinessDays('2026-12-31', 1, 'DK')).toBe('2027-01-04'); // 1 Jan is a Friday
  });
});

describe('deadlines in the agency time zone', () => {
  it('puts a message sent on a Friday evening at the end of Tuesday', () => {
    // Friday 27 November 2026, 20:30 in Copenhagen.
    expect(due('2026-11-27T19:30:00Z', 2)).toBe('2026-12-01T23:59:59.999+01:00');
    expect(businessDeadline(new Date('2026-11-27T19:30:00Z'), 2, DK).toISOString()).toBe('2026-12-01T22:59:59.999Z');
  });

  it('reads the event day on the local calendar, not UTC', () => {
    // 23:30 UTC on Thursday is already Friday in Copenhagen: one business day later is Monday.
    expect(due('2026-11-26T23:30:00Z', 1)).toBe('2026-11-30T23:59:59.999+01:00');
    // The same instant in London is still Thursday: due Friday.
    expect(due('2026-11-26T23:30:00Z', 1, GB)).toBe('2026-11-27T23:59:59.999+00:00');
    // And in New York (US calendar) it is Thursday evening, Thanksgiving: due Friday.
    expect(due('2026-11-26T23:30:00Z', 1, { country: 'US', timeZone: 'America/New_York' })).toBe(
      '2026-11-27T23:59:59.999-05:00',
    );
  });

  it('crosses the spring DST change (Copenhagen, 29 March 2026)', () => {
    // Friday in winter time, due Monday in summer time.
    expect(due('2026-03-27T15:00:00Z', 1)).toBe('2026-03-30T23:59:59.999+02:00');
    expect(businessDeadline(new Date('2026-03-27T15:00:00Z'), 1, DK).toISOString()).toBe('2026-03-30T21:59:59.999Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Copenhagen').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // The day of the change is 23 hours long.
    const length = endOfLocalDay('2026-03-29', 'Europe/Copenhagen').getTime() + 1;
    expect((length - startOfLocalDay('2026-03-29', 'Europe/Copenhagen').getTime()) / 3_600_000).toBe(23);
  });

  it('crosses the autumn DST change (Copenhagen, 25 October 2026)', () => {
    expect(due('2026-10-23T15:00:00Z', 1)).toBe('2026-10-26T23:59:59.999+01:00');
    expect(businessDeadline(new Date('2026-10-23T15:00:00Z'), 1, DK).toISOString()).toBe('2026-10-26T22:59:59.999Z');
    const start = startOfLocalDay('2026-10-25', 'Europe/Copenhagen').getTime();
    expect((endOfLocalDay('2026-10-25', 'Europe/Copenhagen').getTime() + 1 - start) / 3_600_000).toBe(25);
    // The repeated hour: 02:30 happens twice, both on 25 October.
    expect(localDate(new Date('2026-10-25T00:30:00Z'), 'Europe/Copenhagen')).toBe('2026-10-25');
    expect(localDate(new Date('2026-10-25T01:30:00Z'), 'Europe/Copenhagen')).toBe('2026-10-25');
  });
});

describe('business hours', () => {
  it('counts whole business days and leaves weekends out', () => {
    // Friday 12:00 to Monday 12:00 Copenhagen: 12 + 12.
    expect(businessHoursBetween(new Date('2026-11-27T11:00:00Z'), new Date('2026-11-30T11:00:00Z'), DK)).toBe(24);
    expect(businessHoursBetween(new Date('2026-11-28T11:00:00Z'), new Date('2026-11-29T11:00:00Z'), DK)).toBe(0);
    expect(businessHoursBetween(new Date('2026-11-30T11:00:00Z'), new Date('2026-11-30T08:00:00Z'), DK)).toBe(0);
  });

  it('counts the real hours of a business day that changes DST (New York, Sunday changes do not count)', () => {
    // Friday 6 March 2026 12:00 to Monday 9 March 12:00 New York, across the spring change.
    const hours = businessHoursBetween(new Date('2026-03-06T17:00:00Z'), new Date('2026-03-09T16:00:00Z'), {
      country: 'US',
      timeZone: 'America/New_York',
    });
    expect(hours).toBe(24);
  });

  it('skips holidays', () => {
    // Wednesday 1 April 12:00 to Tuesday 7 April 12:00 Copenhagen: Easter leaves 12 + 12.
    expect(businessHoursBetween(new Date('2026-04-01T10:00:00Z'), new Date('2026-04-07T10:00:00Z'), DK)).toBe(24);
  });
});

describe('calendar configuration', () => {
  it('reads country and time zone, with Denmark as the default', () => {
    expect(agencyCalendar({})).toEqual(DK);
    expect(agencyCalendar({ CASEDESK_COUNTRY: 'de', CASEDESK_TIMEZONE: 'Europe/Berlin' })).toEqual(DE);
  });

  it('refuses an unknown country or time zone', () => {
    expect(() => agencyCalendar({ CASEDESK_COUNTRY: 'XX' })).toThrow(/CASEDESK_COUNTRY=XX/);
    expect(() => agencyCalendar({ CASEDESK_TIMEZONE: 'Mars/Olympus' })).toThrow(/CASEDESK_TIMEZONE/);
  });

  it('knows a real date from a malformed one', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('28.02.2026')).toBe(false);
  });
});

describe('monthly updates', () => {
  it('loses credit from on time (full) to 3.5 days late (half) to 7 days late (none)', () => {
    const dueAt = new Date('2026-12-01T12:00:00Z');
    const later = (days: number) => new Date(dueAt.getTime() + days * 86_400_000);
    expect(monthlyUpdateCreditPercent(dueAt, later(-1))).toBe(100);
    expect(monthlyUpdateCreditPercent(dueAt, later(3.5))).toBe(50);
    expect(monthlyUpdateCreditPercent(dueAt, later(7))).toBe(0);
    expect(monthlyUpdateCreditPercent(dueAt, later(30))).toBe(0);
  });

  it('adds calendar months, clamped to the month end', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2026-11-15T10:00:00Z'), 1).toISOString()).toBe('2026-12-15T10:00:00.000Z');
  });
});

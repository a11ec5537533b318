import { describe, expect, it } from 'vitest';
import { agencyHour, digestDateDue, digestHour } from './schedule';

const DK = { country: 'DK', timeZone: 'Europe/Copenhagen' };
const DE = { country: 'DE', timeZone: 'Europe/Berlin' };

describe('when the digest is due', () => {
  it('is due on a business day from the hour on, on the agency wall clock', () => {
    // Tuesday 1 December 2026; Copenhagen is UTC+1 in winter.
    expect(digestDateDue(new Date('2026-12-01T05:59:59Z'), DK, 7)).toBeNull(); // 06:59:59 local
    expect(digestDateDue(new Date('2026-12-01T06:00:00Z'), DK, 7)).toBe('2026-12-01');
    expect(digestDateDue(new Date('2026-12-01T15:00:00Z'), DK, 7)).toBe('2026-12-01');
    // 23:30 UTC on the 1st is already the 2nd in Copenhagen (00:30): too early for that day.
    expect(digestDateDue(new Date('2026-12-01T23:30:00Z'), DK, 7)).toBeNull();
    expect(digestDateDue(new Date('2026-12-01T23:30:00Z'), DK, 0)).toBe('2026-12-02');
  });

  it('is not due on weekends or public holidays of the agency country', () => {
    expect(digestDateDue(new Date('2026-12-05T09:00:00Z'), DK, 7)).toBeNull(); // Saturday
    expect(digestDateDue(new Date('2026-12-06T09:00:00Z'), DK, 7)).toBeNull(); // Sunday
    expect(digestDateDue(new Date('2026-12-25T09:00:00Z'), DK, 7)).toBeNull(); // Christmas Day
    expect(digestDateDue(new Date('2026-04-03T09:00:00Z'), DK, 7)).toBeNull(); // Good Friday
    // German Unity Day is a holiday in Germany only.
    expect(digestDateDue(new Date('2029-10-03T09:00:00Z'), DE, 7)).toBeNull();
    expect(digestDateDue(new Date('2029-10-03T09:00:00Z'), DK, 7)).toBe('2029-10-03');
  });

  it('follows the clock across DST changes', () => {
    // Summer time: Copenhagen is UTC+2, so 05:00 UTC is already seven o'clock.
    expect(agencyHour(new Date('2026-06-02T05:00:00Z'), DK)).toBe(7);
    expect(digestDateDue(new Date('2026-06-02T04:59:00Z'), DK, 7)).toBeNull();
    expect(digestDateDue(new Date('2026-06-02T05:00:00Z'), DK, 7)).toBe('2026-06-02');
    // Monday 30 March 2026, the day after the spring change; Monday 26 October, the day after the autumn one.
    expect(digestDateDue(new Date('2026-03-30T05:00:00Z'), DK, 7)).toBe('2026-03-30');
    expect(digestDateDue(new Date('2026-10-26T05:00:00Z'), DK, 7)).toBeNull(); // 06:00 local, back on UTC+1
    expect(digestDateDue(new Date('2026-10-26T06:00:00Z'), DK, 7)).toBe('2026-10-26');
  });

  it('reads DIGEST_HOUR, refusing what is not an hour', () => {
    expect(digestHour({})).toBe(7);
    expect(digestHour({ DIGEST_HOUR: ' 6 ' })).toBe(6);
    expect(digestHour({ DIGEST_HOUR: '0' })).toBe(0);
    for (const bad of ['24', '-1', '7.5', 'seven', '1e1']) {
      expect(() => digestHour({ DIGEST_HOUR: bad }), bad).toThrow(/DIGEST_HOUR/);
    }
  });
});

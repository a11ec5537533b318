import { describe, expect, it } from 'vitest';
import { parseReportFilter, rangeInstants, reportSearchParams } from './filters';

const now = new Date('2026-11-26T15:00:00Z');

describe('parseReportFilter', () => {
  it('defaults to the last twelve months, this one included, live cases', () => {
    expect(parseReportFilter({}, now)).toEqual({
      filter: { from: '2025-12-01', to: '2026-11-26', isTest: false },
      ignored: [],
    });
  });

  it('reads the URL, names what it ignored, and turns a reversed range around', () => {
    expect(parseReportFilter(new URLSearchParams('from=2026-01-01&to=2026-03-31&isTest=true'), now).filter).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      isTest: true,
    });
    expect(parseReportFilter({ from: '2026-02-30', to: 'soon', isTest: 'maybe' }, now)).toEqual({
      filter: { from: '2025-12-01', to: '2026-11-26', isTest: false },
      ignored: ['from', 'to', 'isTest'],
    });
    expect(parseReportFilter({ from: '2026-05-01', to: '2026-04-01' }, now).filter).toMatchObject({
      from: '2026-04-01',
      to: '2026-05-01',
    });
  });

  it('covers whole UTC days, the last one included', () => {
    expect(rangeInstants({ from: '2026-02-01', to: '2026-02-28', isTest: false })).toEqual({
      start: '2026-02-01T00:00:00Z',
      end: '2026-03-01T00:00:00.000Z',
    });
    expect(reportSearchParams({ from: '2026-02-01', to: '2026-02-28', isTest: true }).toString()).toBe(
      'from=2026-02-01&to=2026-02-28&isTest=true',
    );
  });
});

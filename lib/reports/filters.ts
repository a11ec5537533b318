/**
 * The /reports filters in the URL: a date range (whole UTC days) and live or test cases.
 * Default: the last twelve months, this one included, live cases.
 */

export type ReportFilter = { from: string; to: string; isTest: boolean };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export function defaultRange(now = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseReportFilter(input: Input, now = new Date()): { filter: ReportFilter; ignored: string[] } {
  const get = (key: string) => {
    const value = input instanceof URLSearchParams ? input.get(key) : input[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  const defaults = defaultRange(now);
  const ignored: string[] = [];
  const pick = (key: 'from' | 'to') => {
    const value = get(key);
    if (value === undefined || value === '') return defaults[key];
    if (isDay(value)) return value;
    ignored.push(key);
    return defaults[key];
  };
  let from = pick('from');
  let to = pick('to');
  // A reversed range is read the way it was meant.
  if (from > to) [from, to] = [to, from];
  const test = get('isTest');
  if (test !== undefined && test !== 'true' && test !== 'false') ignored.push('isTest');
  return { filter: { from, to, isTest: test === 'true' }, ignored };
}

export function reportSearchParams(filter: ReportFilter): URLSearchParams {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.isTest) params.set('isTest', 'true');
  return params;
}

/** [from 00:00 UTC, the day after `to` 00:00 UTC): the range as half-open instants. */
export function rangeInstants(filter: ReportFilter): { start: string; end: string } {
  const end = new Date(`${filter.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: `${filter.from}T00:00:00Z`, end: end.toISOString() };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { deadlineReport } from '@/lib/reports/deadlines';
import { buildReport, reportCsv } from '@/lib/reports/tables';
import { createUser } from '@/lib/users/users';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * The managers' deadline figures over a small history written with exact times (a reply's
 * minute decides whether it was on time, which no webhook round trip could pin down): chat
 * waits answered on time, late and not at all, progress notes and acceptances on time and
 * late, and what is overdue now. Expected figures are worked out by hand below on the Danish
 * calendar (Copenhagen is UTC+1 in November).
 */

// Monday 30 November 2026, 12:00 UTC; the window starts Saturday 31 October 12:00 UTC.
const NOW = new Date('2026-11-30T12:00:00Z');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let carl: string;
let dora: string;

const insertCase = (reference: string, assignee: string | null, state: string, stateAt: string, assignedAt = stateAt) =>
  database.pool.query(
    `INSERT INTO cases (id, reference, assignee_id, state, state_at, assigned_at, is_test, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, false, now())`,
    [reference, assignee, state, stateAt, assignedAt],
  );
const chat = (reference: string, direction: 'inbound' | 'outbound', at: string, role = 'Creditor') =>
  database.pool.query(
    `INSERT INTO chat_messages (id, case_id, direction, message, at, author_role, status)
     SELECT gen_random_uuid(), id, $2, 'text', $3, $4, $5 FROM cases WHERE reference = $1`,
    [reference, direction, at, direction === 'inbound' ? role : null, direction === 'outbound' ? 'sent' : null],
  );
const action = (reference: string, kind: string, status: string, sentAt: string | null) =>
  database.pool.query(
    `INSERT INTO outbound_actions (id, case_id, kind, status, payload, idempotency_key, created_at, sent_at)
     SELECT gen_random_uuid(), id, $2, $3, '{}', gen_random_uuid()::text, COALESCE($4::timestamptz, now()), $4
     FROM cases WHERE reference = $1`,
    [reference, kind, status, sentAt],
  );

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.CASEDESK_COUNTRY = 'DK';
  process.env.CASEDESK_TIMEZONE = 'Europe/Copenhagen';
  carl = (await createUser({ email: 'carl@agency.test', name: 'Carl Collector', role: 'collector' })).id;
  dora = (await createUser({ email: 'dora@agency.test', name: 'Dora Collector', role: 'collector' })).id;
  await createUser({ email: 'mona@agency.test', name: 'Mona Manager', role: 'manager' });

  // Carl. D-A: Monday 16 Nov 10:00 UTC, answered Tuesday 10:00 UTC: on time, 24 business hours.
  await insertCase('D-A', carl, 'Active', '2026-09-01T08:00:00Z');
  await chat('D-A', 'inbound', '2026-11-16T10:00:00Z');
  await chat('D-A', 'outbound', '2026-11-17T10:00:00Z');
  // An answer in Debitura's portal (inbound, Collection partner) counts as the agency's.
  // D-B: Wednesday 18 Nov 10:00 UTC, due end of Friday; answered Monday 23 Nov 10:00 UTC: late,
  // 13 + 24 + 24 + 11 = 72 business hours.
  await insertCase('D-B', carl, 'Active', '2026-10-20T08:00:00Z');
  await chat('D-B', 'inbound', '2026-11-18T10:00:00Z');
  await chat('D-B', 'inbound', '2026-11-19T09:00:00Z'); // a second message in the same wait
  await chat('D-B', 'inbound', '2026-11-23T10:00:00Z', 'Collection Partner');
  // D-C: Friday 27 Nov 15:00 UTC, unanswered, due end of Tuesday: not yet counted.
  await insertCase('D-C', carl, 'Active', '2026-11-02T08:00:00Z');
  await chat('D-C', 'inbound', '2026-11-27T15:00:00Z');
  // Older than the window: not counted.
  await chat('D-A', 'inbound', '2026-10-01T10:00:00Z');
  await chat('D-A', 'outbound', '2026-10-09T10:00:00Z');
  // Monthly updates: D-A's notes 1 Oct (before the window) and 5 Nov (more than a month: late);
  // D-B's first note 10 Nov, within a month of 20 Oct: on time. A failed note does not count.
  await action('D-A', 'progress_note', 'sent', '2026-10-01T09:00:00Z');
  await action('D-A', 'progress_note', 'sent', '2026-11-05T09:00:00Z');
  await action('D-B', 'progress_note', 'sent', '2026-11-10T09:00:00Z');
  await action('D-B', 'progress_note', 'failed', null);
  // Acceptances: D-E assigned Monday 23 Nov 08:00 UTC, accepted Tuesday 09:00 UTC: on time.
  await insertCase('D-E', carl, 'Active', '2026-11-24T09:30:00Z', '2026-11-23T08:00:00Z');
  await action('D-E', 'accept', 'confirmed', '2026-11-24T09:00:00Z');

  // Dora. D-D: Tuesday 24 Nov 10:00 UTC, unanswered, due end of Thursday: late, and overdue now.
  await insertCase('D-D', dora, 'Active', '2026-11-20T08:00:00Z');
  await chat('D-D', 'inbound', '2026-11-24T10:00:00Z');
  // D-F assigned Wednesday 25 Nov 08:00 UTC, accepted Friday 09:00 UTC (due end of Thursday): late.
  await insertCase('D-F', dora, 'Active', '2026-11-27T09:30:00Z', '2026-11-25T08:00:00Z');
  await action('D-F', 'accept', 'sent', '2026-11-27T09:00:00Z');
  // D-G: waiting for acceptance since Thursday 26 Nov, due end of Friday: overdue now.
  await insertCase('D-G', dora, 'PendingVerification', '2026-11-26T08:00:00Z');
  // A test case is left out.
  await database.pool.query(
    `INSERT INTO cases (id, reference, assignee_id, state, state_at, assigned_at, is_test, updated_at)
     VALUES (gen_random_uuid(), 'D-TEST', $1, 'Active', '2026-11-20T08:00:00Z', '2026-11-20T08:00:00Z', true, now())`,
    [dora],
  );
  await chat('D-TEST', 'inbound', '2026-11-24T10:00:00Z');
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await database?.drop();
});

describe('deadline figures', () => {
  it('counts replies, reply times, monthly updates, acceptances and overdue items per collector', async () => {
    const report = await deadlineReport(NOW);
    const byEmail = new Map(report.collectors.map((row) => [row.email, row]));
    expect(report.collectors.map((row) => row.email)).toEqual(['carl@agency.test', 'dora@agency.test']);

    const c = byEmail.get('carl@agency.test')!;
    expect(c.replies).toEqual({ counted: 2, onTime: 1 });
    expect(c.medianReplyBusinessHours).toBe(48); // 24 and 72
    expect(c.monthlyUpdates).toEqual({ counted: 2, onTime: 1 });
    expect(c.acceptances).toEqual({ counted: 1, onTime: 1 });
    // D-C's chat is not due yet; no monthly update is overdue (the latest notes are recent or the
    // cases young enough): nothing overdue.
    expect(c.overdueNow).toBe(0);

    const d = byEmail.get('dora@agency.test')!;
    expect(d.replies).toEqual({ counted: 1, onTime: 0 });
    expect(d.medianReplyBusinessHours).toBeNull();
    expect(d.acceptances).toEqual({ counted: 1, onTime: 0 });
    expect(d.monthlyUpdates).toEqual({ counted: 0, onTime: 0 });
    expect(d.overdueNow).toBe(2); // D-D's chat and D-G's acceptance

    expect(report.agency.replies).toEqual({ counted: 3, onTime: 1 });
    expect(report.agency.medianReplyBusinessHours).toBe(48);
    expect(report.agency.acceptances).toEqual({ counted: 2, onTime: 1 });
    expect(report.agency.monthlyUpdates).toEqual({ counted: 2, onTime: 1 });
    expect(report.agency.overdueNow).toBe(2);
  });

  it('writes the same figures as CSV with translated headers and plain values', async () => {
    const labels = {
      title: () => 'Deadlines',
      note: () => '',
      column: (key: string) => `[${key}]`,
      allInGroup: 'All',
      notAssignedYet: '',
      currencyNotKnown: '',
      wholeAgency: 'Whole agency',
      unassigned: 'Not assigned',
      vocabulary: (key: string) => key,
    };
    const table = await buildReport('deadlines', { from: '2026-01-01', to: '2026-12-31', isTest: false }, labels);
    const csv = reportCsv(table);
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toBe(
      '[collector],[repliesCounted],[repliesOnTime],[repliesRate] (%),[medianReplyHours],[overdueNow],' +
        '[updatesCounted],[updatesOnTime],[updatesRate] (%),[acceptancesCounted],[acceptancesOnTime],' +
        '[acceptancesRate] (%)',
    );
    // Today's figures, not NOW's: only the shape and the codes are fixed here.
    expect(lines.map((line) => line.split(',')[0])).toEqual(['carl@agency.test', 'dora@agency.test', '*']);
    expect(lines.every((line) => line.split(',').length === 12)).toBe(true);
  });
});

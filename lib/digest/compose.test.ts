import { describe, expect, it } from 'vitest';
import type { Queue, QueueItem } from '@/lib/work/queue';
import { composeDigest } from './compose';

const item = (overrides: Partial<QueueItem>): QueueItem => ({
  kind: 'follow_up',
  reference: 'REF-1',
  dueAt: '2026-12-01T23:59:59.999+01:00',
  overdue: false,
  title: '',
  debtorName: null,
  itemId: null,
  text: null,
  amountMinor: null,
  paidMinor: null,
  currency: null,
  creditPercent: null,
  ...overrides,
});

const compose = (queue: Queue, locale: string | null) =>
  composeDigest({
    recipient: { name: 'Ann <Admin>', email: 'ann@agency.test', locale },
    queue,
    publicUrl: 'https://casedesk.example.test',
    timeZone: 'Europe/Copenhagen',
  });

describe('the digest email', () => {
  const queue: Queue = {
    items: [
      item({ kind: 'promise_broken', overdue: true, amountMinor: 123_456, currency: 'EUR', debtorName: 'A & B' }),
      item({ kind: 'follow_up', text: `Call   back\n${'x'.repeat(300)}` }),
    ],
    total: 14,
    dueTodayCount: 2,
    overdueCount: 1,
  };

  it('words kinds with the queue page, money in the reader language, and says how many more there are', () => {
    const mail = compose(queue, 'de');
    expect(mail.subject).toBe('1 überfällig, 1 heute fällig: Ihre Aufgaben in Casedesk');
    expect(mail.text).toContain('- Zahlungszusage gebrochen · REF-1 · A & B · überfällig seit 01.12.2026, 23:59');
    expect(mail.text).toContain('Der Schuldner hat die zugesagten 1.234,56\u00a0€ nicht rechtzeitig gezahlt.');
    expect(mail.text).toContain('… und 12 weitere in Ihrer Aufgabenliste.');
    // A long note is cut, its whitespace folded.
    expect(mail.text).toMatch(/“Call back x+…”/);
    expect(mail.text).not.toContain('x'.repeat(200));
  });

  it('writes Danish for a Danish reader', () => {
    const mail = compose(queue, 'da');
    expect(mail.subject).toBe('1 forfalden, 1 forfalder i dag: dine opgaver i Casedesk');
    expect(mail.text).toContain('1 opgave på din liste er forfalden, og 1 opgave forfalder inden dagens udgang.');
    expect(mail.text).toContain('Åbn dine opgaver: https://casedesk.example.test/queue');
  });

  it('falls back to the agency default language and escapes everything in the HTML', () => {
    const mail = compose(queue, 'sv');
    expect(mail.subject).toBe('1 overdue, 1 due today: your Casedesk queue');
    expect(mail.to).toEqual({ name: 'Ann <Admin>', address: 'ann@agency.test' });
    expect(mail.html).toContain('Hello Ann &lt;Admin&gt;,');
    expect(mail.html).toContain('A &amp; B');
    expect(mail.html).not.toMatch(/<Admin>|A & B/);
  });
});

import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closePool } from '@/lib/database/pool';
import { runDigest } from '@/lib/digest/job';
import { createUser, setUserDisabled } from '@/lib/users/users';
import { createTestDatabase } from '@/test/helpers/database';
import { startTestSmtp, type TestSmtp } from '@/test/helpers/smtp';
import { envelope, ingestDirect } from '@/test/helpers/webhooks';

/**
 * The daily digest against a real SMTP server (smtp-server on loopback, with a login) and a
 * real PostgreSQL, cases brought in through the inbox and the applier. Times are fixed: the
 * agency is in Copenhagen (UTC+1 in December); Tuesday 1 December 2026 is a business day.
 * Expected counts are worked out by hand from the deadlines (a new case: 1 business day; a
 * chat message: 2), not read back from the queue.
 */

const at = (localTime: string) => new Date(`${localTime}+01:00`);
const TUESDAY_8 = at('2026-12-01T08:00:00');
const PUBLIC_URL = 'https://casedesk.example.test';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let smtp: TestSmtp;
const people: Record<'carl' | 'dora' | 'erik' | 'mona' | 'olga', string> = {} as never;

async function assignedCase(
  reference: string,
  lifecycle: string,
  assignedAt: string,
  debtor: string,
  assignee: string,
) {
  await ingestDirect(database.pool, [
    envelope(
      'case.assigned',
      {
        reference,
        caseId: `debitura-${reference}`,
        lifecycle,
        currency: 'EUR',
        grossAmount: 500,
        assignedAt,
        debtor: { name: debtor },
      },
      { timestamp: assignedAt },
    ),
  ]);
  await database.pool.query('UPDATE cases SET assignee_id = $1 WHERE reference = $2', [assignee, reference]);
}

const mailsTo = (address: string) => smtp.messages.filter((message) => message.recipients.includes(address));

async function claims() {
  const { rows } = await database.pool.query(
    `SELECT u.email, to_char(d.local_date, 'YYYY-MM-DD') AS date, d.status, d.attempts, d.retry_at, d.last_error
     FROM digest_sends d JOIN users u ON u.id = d.user_id ORDER BY d.local_date, u.email`,
  );
  return rows as {
    email: string;
    date: string;
    status: string;
    attempts: number;
    retry_at: Date | null;
    last_error: string | null;
  }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtp();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    CASEDESK_COUNTRY: 'DK',
    CASEDESK_TIMEZONE: 'Europe/Copenhagen',
    CASEDESK_DEFAULT_LOCALE: 'en',
    NEXTAUTH_URL: PUBLIC_URL,
    SMTP_FROM: 'Casedesk <digest@casedesk.example.test>',
  });
  delete process.env.DIGEST_HOUR;
  const user = async (key: keyof typeof people, role: string, name: string) => {
    people[key] = (await createUser({ email: `${key}@agency.test`, name, role })).id;
  };
  await user('carl', 'collector', 'Carl Collector');
  await user('dora', 'collector', 'Dora Sammlerin');
  await user('erik', 'collector', 'Erik Tom');
  await user('mona', 'manager', 'Mona Manager');
  await user('olga', 'collector', 'Olga Gone');
  await database.pool.query(`UPDATE users SET locale = 'de' WHERE id = $1`, [people.dora]);
  await database.pool.query(`UPDATE users SET locale = 'da' WHERE id = $1`, [people.erik]);

  // Carl: a new case from Thursday (due by the end of Friday: overdue) and a chat message from
  // Friday morning (due by the end of Tuesday: due today), with outside text that needs escaping.
  await assignedCase('D-OLD', 'PendingVerification', '2026-11-26T10:00:00Z', 'Ørsted & <Søn> ApS', people.carl);
  await assignedCase('D-CHAT', 'Active', '2026-11-20T10:00:00Z', 'Jens "Quote" Hansen', people.carl);
  await ingestDirect(database.pool, [
    envelope('chat.created', {
      reference: 'D-CHAT',
      chatId: 'digest-chat-1',
      message: 'Has he paid? <script>alert(1)</script>',
      dateCreated: '2026-11-27T09:00:00Z',
      roleLabel: 'Creditor',
      user: { firstName: 'Ida', lastName: 'Creditor', email: 'ida@creditor.test' },
    }),
  ]);
  // Dora (German): a new case from Monday, due by the end of Tuesday.
  await assignedCase('D-DORA', 'PendingVerification', '2026-11-30T10:00:00Z', 'Müller GmbH', people.dora);
  // Erik (Danish) has nothing. The manager and a disabled collector have cases but get no digest.
  await assignedCase('D-MONA', 'PendingVerification', '2026-11-26T10:00:00Z', 'Manager Debtor', people.mona);
  await assignedCase('D-OLGA', 'PendingVerification', '2026-11-26T10:00:00Z', 'Olga Debtor', people.olga);
  await setUserDisabled('olga@agency.test', true);
}, 120_000);

afterAll(async () => {
  await smtp?.close();
  await closePool();
  await database?.drop();
});

beforeEach(() => {
  process.env.SMTP_URL = smtp.url;
  smtp.refused.clear();
});

describe('the daily digest', () => {
  it('sends nothing with SMTP_URL unset', async () => {
    delete process.env.SMTP_URL;
    expect(await runDigest({ now: TUESDAY_8 })).toMatchObject({ date: null, sent: 0 });
    expect(smtp.messages).toEqual([]);
    expect(await claims()).toEqual([]);
  });

  it('sends nothing before seven, at weekends or on a public holiday', async () => {
    for (const now of [at('2026-12-01T06:59:00'), at('2026-12-05T09:00:00'), at('2026-12-25T09:00:00')]) {
      expect(await runDigest({ now }), now.toISOString()).toMatchObject({ date: null, sent: 0 });
    }
    expect(smtp.messages).toEqual([]);
    expect(await claims()).toEqual([]);
  });

  it('sends each collector with something due one email, in their language, linking to the queue', async () => {
    expect(await runDigest({ now: TUESDAY_8 })).toMatchObject({ date: '2026-12-01', sent: 2, empty: 1, failed: 0 });
    expect(smtp.messages).toHaveLength(2);

    const [carl] = mailsTo('carl@agency.test');
    expect(carl.recipients).toEqual(['carl@agency.test']);
    expect(carl.from?.address).toBe('digest@casedesk.example.test');
    expect(carl.subject).toBe('1 overdue, 1 due today: your Casedesk queue');
    expect(carl.text).toContain('Hello Carl Collector,');
    expect(carl.text).toContain('1 item in your queue is overdue, and 1 item is due by the end of today.');
    expect(carl.text).toContain('2 items in your queue in all, the soonest first:');
    // Soonest first: the acceptance was due Friday, the answer is due tonight.
    const lines = carl.text!.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toEqual([
      '- Accept case · D-OLD · Ørsted & <Søn> ApS · overdue since Nov 27, 2026, 11:59 PM',
      '- Answer chat · D-CHAT · Jens "Quote" Hansen · due Dec 1, 2026, 11:59 PM',
    ]);
    expect(carl.text).toContain('“Has he paid? <script>alert(1)</script>”');
    expect(carl.text).toContain(`Open your queue: ${PUBLIC_URL}/queue`);
    // The HTML body shows outside text as text, never as markup.
    expect(carl.html).toContain('Ørsted &amp; &lt;Søn&gt; ApS');
    expect(carl.html).toContain('Jens &quot;Quote&quot; Hansen');
    expect(carl.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(carl.html).not.toContain('<script>');
    expect(carl.html).not.toContain('<Søn>');
    expect(carl.html).toContain(`<a href="${PUBLIC_URL}/queue">Open your queue</a>`);

    const [dora] = mailsTo('dora@agency.test');
    expect(dora.subject).toBe('Nichts überfällig, 1 heute fällig: Ihre Aufgaben in Casedesk');
    expect(dora.text).toContain('Hallo Dora Sammlerin,');
    expect(dora.text).toContain(
      'in Ihrer Aufgabenliste ist nichts überfällig, und 1 Aufgabe ist bis heute Abend fällig.',
    );
    expect(dora.text).toContain('- Fall annehmen · D-DORA · Müller GmbH · fällig 01.12.2026, 23:59');
    expect(dora.html).toContain('<html lang="de">');
    expect(dora.html).toContain('Aufgabenliste öffnen');

    // Erik's queue is empty: no email, but the day is settled for him too.
    expect(mailsTo('erik@agency.test')).toEqual([]);
    expect(mailsTo('mona@agency.test')).toEqual([]);
    expect(mailsTo('olga@agency.test')).toEqual([]);
    expect((await claims()).map(({ email, date, status }) => ({ email, date, status }))).toEqual([
      { email: 'carl@agency.test', date: '2026-12-01', status: 'sent' },
      { email: 'dora@agency.test', date: '2026-12-01', status: 'sent' },
      { email: 'erik@agency.test', date: '2026-12-01', status: 'empty' },
    ]);
  });

  it('sends nothing more that day, however often and by however many workers it runs', async () => {
    const later = at('2026-12-01T15:00:00');
    const secondWorker = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const passes = await Promise.all([
        runDigest({ now: TUESDAY_8 }),
        runDigest({ now: later, pool: secondWorker }),
        runDigest({ now: later }),
      ]);
      expect(passes.map((pass) => pass.sent)).toEqual([0, 0, 0]);
      expect(smtp.messages).toHaveLength(2);

      // The next business day, three workers at once: still one email each.
      const wednesday = at('2026-12-02T07:30:00');
      const racing = await Promise.all([
        runDigest({ now: wednesday }),
        runDigest({ now: wednesday, pool: secondWorker }),
        runDigest({ now: wednesday }),
      ]);
      expect(racing.reduce((sum, pass) => sum + pass.sent, 0)).toBe(2);
      expect(mailsTo('carl@agency.test')).toHaveLength(2);
      expect(mailsTo('dora@agency.test')).toHaveLength(2);
      // Wednesday: Carl's answer is overdue now too; Dora's acceptance was due yesterday.
      expect(mailsTo('carl@agency.test')[1].subject).toBe('2 overdue, nothing else due today: your Casedesk queue');
      expect(mailsTo('dora@agency.test')[1].subject).toBe(
        '1 überfällig, heute sonst nichts fällig: Ihre Aufgaben in Casedesk',
      );
    } finally {
      await secondWorker.end();
    }
  });

  it('leaves a refused email to a later pass, logging why without the SMTP password', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = smtp.messages.length;
    const thursday = at('2026-12-03T08:00:00');
    try {
      smtp.refused.add('carl@agency.test');
      expect(await runDigest({ now: thursday })).toMatchObject({ sent: 1, failed: 1 });
      expect(smtp.messages.slice(before).map((message) => message.recipients)).toEqual([['dora@agency.test']]);

      const [carl] = (await claims()).filter((row) => row.email === 'carl@agency.test' && row.date === '2026-12-03');
      expect(carl).toMatchObject({ status: 'failed', attempts: 1 });
      expect(carl.retry_at).toEqual(new Date(thursday.getTime() + 5 * 60_000));
      expect(carl.last_error).toContain('550');
      const logged = errors.mock.calls.flat().join('\n');
      expect(logged).toContain('550');
      for (const secret of [smtp.password, encodeURIComponent(smtp.password), smtp.url]) {
        expect(logged).not.toContain(secret);
        expect(carl.last_error).not.toContain(secret);
      }

      // Before the retry time nothing is tried; after it, the email goes out once.
      smtp.refused.clear();
      expect(await runDigest({ now: at('2026-12-03T08:04:00') })).toMatchObject({ sent: 0, failed: 0 });
      expect(await runDigest({ now: at('2026-12-03T08:05:00') })).toMatchObject({ sent: 1, failed: 0 });
      expect(await runDigest({ now: at('2026-12-03T09:00:00') })).toMatchObject({ sent: 0, failed: 0 });
      expect(mailsTo('carl@agency.test').map((message) => message.subject)).toHaveLength(3);
      expect(
        (await claims()).find((row) => row.email === 'carl@agency.test' && row.date === '2026-12-03'),
      ).toMatchObject({
        status: 'sent',
        attempts: 2,
        last_error: null,
      });
    } finally {
      errors.mockRestore();
    }
  });

  it('stops the pass when the SMTP server refuses the login (every email would fail alike), logging no password', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // A wrong password: the server refuses the login, which would fail every recipient alike.
      process.env.SMTP_URL = smtp.url.replace(encodeURIComponent(smtp.password), 'wrong-pa%24%24word');
      const pass = await runDigest({ now: at('2026-12-04T08:00:00') });
      expect(pass).toMatchObject({ sent: 0, failed: 1, hasMore: false });
      const logged = errors.mock.calls.flat().join('\n');
      expect(logged).toMatch(/EAUTH/);
      expect(logged).not.toContain('wrong-pa');
      // The others were not claimed: a later pass with a working server sends to both.
      process.env.SMTP_URL = smtp.url;
      expect(await runDigest({ now: at('2026-12-04T08:01:00') })).toMatchObject({ sent: 1 });
      expect(await runDigest({ now: at('2026-12-04T08:10:00') })).toMatchObject({ sent: 1 });
    } finally {
      errors.mockRestore();
    }
  });
});

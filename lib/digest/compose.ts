import escapeHtml from 'escape-html';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/catalog';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { formatMoney } from '@/lib/money/currency';
import type { Queue, QueueItem } from '@/lib/work/queue';
import type { Mail } from './mailer';

/**
 * The digest email in the collector's language (their own choice, else the agency default: an
 * email has no browser to ask): the counts, the soonest items and the link to the queue, as
 * plain text and as simple HTML. Kinds and details are worded by the queue's own catalog
 * (`queue.kinds`, `queue.details`) so the email and the page say the same; what comes from
 * outside (debtor names, chat text, follow-up notes) is shown as is, and escaped in the HTML.
 */

export type DigestInput = {
  recipient: { name: string; email: string; locale: string | null };
  queue: Queue;
  /** The app's public URL without a trailing slash (AUTH_URL). */
  publicUrl: string;
  timeZone: string;
};

type Line = { kind: string; reference: string; debtor: string | null; due: string; detail: string | null };

const EXCERPT_LENGTH = 160;

function digestLocale(userLocale: string | null): Locale {
  return isLocale(userLocale) ? userLocale : defaultLocale();
}

export function composeDigest({ recipient, queue, publicUrl, timeZone }: DigestInput): Mail {
  const locale = digestLocale(recipient.locale);
  const t = createTranslator({ locale, messages: loadMessages(locale) });
  const say = (key: string, values?: Record<string, string | number>) => t(key as never, values as never) as string;
  // As the queue page writes a deadline, in the agency's time zone.
  const when = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  // dueTodayCount counts everything due by the end of today, the overdue included.
  const counts = {
    overdue: queue.overdueCount,
    today: Math.max(0, queue.dueTodayCount - queue.overdueCount),
  };
  const lines: Line[] = queue.items.map((item) => ({
    kind: say(`queue.kinds.${item.kind}`),
    reference: item.reference,
    debtor: item.debtorName,
    due: say(item.overdue ? 'digest.overdue' : 'digest.due', { when: when.format(new Date(item.dueAt)) }),
    detail: detailOf(item, locale, say),
  }));
  const more = queue.total - queue.items.length;
  const queueUrl = `${publicUrl}/queue`;
  const words = {
    greeting: say('digest.greeting', { name: recipient.name }),
    summary: say('digest.summary', counts),
    soonest: say('digest.soonest', { total: queue.total }),
    more: more > 0 ? say('digest.more', { count: more }) : null,
    openQueue: say('digest.openQueue'),
    footer: say('digest.footer'),
  };

  const text = [
    words.greeting,
    '',
    words.summary,
    '',
    words.soonest,
    ...lines.flatMap((line) => [
      `- ${[line.kind, line.reference, line.debtor, line.due].filter(Boolean).join(' · ')}`,
      ...(line.detail ? [`  ${line.detail}`] : []),
    ]),
    ...(words.more ? [words.more] : []),
    '',
    `${words.openQueue}: ${queueUrl}`,
    '',
    '-- ',
    words.footer,
  ].join('\n');

  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(say('digest.subject', counts))}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #111">
<p>${escapeHtml(words.greeting)}</p>
<p>${escapeHtml(words.summary)}</p>
<p>${escapeHtml(words.soonest)}</p>
<ul>
${lines.map(htmlLine).join('\n')}
</ul>
${words.more ? `<p>${escapeHtml(words.more)}</p>\n` : ''}<p><a href="${escapeHtml(queueUrl)}">${escapeHtml(words.openQueue)}</a></p>
<p style="color: #555; font-size: 0.9em">${escapeHtml(words.footer)}</p>
</body></html>
`;
  return {
    to: { name: recipient.name, address: recipient.email },
    subject: say('digest.subject', counts),
    text,
    html,
  };
}

function htmlLine(line: Line): string {
  const parts = [
    `<strong>${escapeHtml(line.kind)}</strong>`,
    escapeHtml(line.reference),
    ...(line.debtor ? [escapeHtml(line.debtor)] : []),
    escapeHtml(line.due),
  ];
  const detail = line.detail ? `<br>${escapeHtml(line.detail)}` : '';
  return `<li>${parts.join(' · ')}${detail}</li>`;
}

/** What else the item needs said: the queue's own words for its kind, or the start of the chat or note. */
function detailOf(
  item: QueueItem,
  locale: Locale,
  say: (key: string, values?: Record<string, string | number>) => string,
) {
  switch (item.kind) {
    case 'chat_reply':
    case 'follow_up':
      return item.text ? `“${excerpt(item.text)}”` : null;
    case 'monthly_update':
      return item.creditPercent === null ? null : say('queue.details.monthly_update', { percent: item.creditPercent });
    case 'promise_broken':
      return say('queue.details.promise_broken', { amount: formatMoney(item.amountMinor, item.currency, locale) });
    case 'accept_case':
    case 'exclusive_period_ending':
      return say(`queue.details.${item.kind}`);
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

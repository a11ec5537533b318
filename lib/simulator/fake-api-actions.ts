import { randomUUID } from 'node:crypto';
import { normalizeCloseCode } from '@/lib/cases/close-codes';
import { normalizeLifecycle } from '@/lib/cases/lifecycle';
import { currencyExponent, toMinorUnits } from '@/lib/money/currency';
import { signatureHeader } from '@/lib/webhooks/signature';
import { isoSeconds, toMajor, type InvoiceDto, type PaymentDto } from './dto';
import type { WebhookEnvelope } from './generate';

/**
 * The fake API's side of acting on cases (docs/debitura.md "Acting on cases"): start, payments
 * (create with Idempotency-Key, edit, delete), close, notes and the timeline, fees, with
 * Debitura's validation rules and error bodies, its rate limit, and the webhooks Debitura would
 * send back (payment.created, payment.deleted, case.closed, case.updated), signed, to the app.
 * Switches inject 503s, 429s, timeouts (no answer, no effect) and lost answers (the call takes
 * effect, then the connection drops).
 */

export type Answer = { status: number; body: unknown; fault?: 'hang' | 'drop'; headers?: Record<string, string> };

export type ActionFaults = {
  /** The next N action calls answer 503 without taking effect. */
  unavailable?: number;
  /** The next N action calls answer 429 with `retryAfter` (seconds) in the body. */
  rateLimited?: number;
  /** The next N action calls never answer and take no effect. */
  timeouts?: number;
  /** The next N action calls take effect, then the connection drops before the answer. */
  lostAnswers?: number;
  /** The next N action calls take effect and then never answer (the caller times out or dies waiting). */
  stalls?: number;
};

/** A call that took effect on the fake Debitura (repeats recognised by an idempotency key are not counted). */
export type EffectiveCall = { kind: string; caseId: string; body: unknown; at: Date; answer: unknown };
/** Every action call the fake Debitura answered itself (not a simulated fault), refusals included. */
export type AnsweredCall = { kind: string; caseId: string; body: unknown; status: number; answer: unknown };

export type WebhookTarget = { url: string; secret: string };

type State = { byId: Map<string, InvoiceDto>; paymentsById: Map<string, PaymentDto[]> };
type Note = { id: string; description: string; eventDate: string | null; createdAt: string };
type Headers = Record<string, string | string[] | undefined>;

const RECIPIENTS = ['Creditor', 'CollectionPartner', 'Platform'];
const PAYABLE = ['Active', 'Paused', 'NeedsAdditionalDetails'];
// Debitura's list as docs/debitura.md states it, written out here on purpose rather than read
// from lib/cases/close-codes.ts: the fake stands for the other side, so a mistake in Casedesk's
// own list shows in tests as a refusal instead of passing unnoticed.
const PARTNER_CLOSE_CODES = [
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

export type FakeActionsOptions = {
  rateLimitPerMinute?: number;
  webhook?: WebhookTarget;
  /** Used when there is no `webhook` target: hands the envelope to the subscriptions (fake-api-connection.ts). */
  produce?: (envelope: WebhookEnvelope) => void;
};

export function createFakeActions(state: State, options: FakeActionsOptions) {
  const faults: Required<ActionFaults> = { unavailable: 0, rateLimited: 0, timeouts: 0, lostAnswers: 0, stalls: 0 };
  const calls: EffectiveCall[] = [];
  const answered: AnsweredCall[] = [];
  const notes = new Map<string, Note[]>();
  const idempotent = new Map<string, { fingerprint: string; answer: Answer }>();
  const invoiced = new Set<string>();
  const priceChangeCases = new Set<string>();
  /** Per key, the 10-second segment of each call in the window (oldest first). */
  const callTimes = new Map<string, number[]>();
  const webhooksInFlight = new Set<Promise<void>>();
  let webhook = options.webhook;
  let rateLimit = options.rateLimitPerMinute ?? 2_000;
  let attempts = 0;
  let rateLimitedCalls = 0;

  const business = (status: number, type: string, message: string): Answer => ({
    status,
    body: { error: type, message, businessErrors: [{ type, message, solutionUrl: null }] },
  });

  /**
   * Debitura's limit per API key: a sliding minute of six 10-second segments (docs/debitura.md
   * "Rate limits"); nothing is queued, a call over the limit gets 429 with `retryAfter`.
   */
  const checkRateLimit = (key: string): Answer | null => {
    const segment = Math.floor(Date.now() / 10_000);
    const counts = (callTimes.get(key) ?? []).filter((at) => at > segment - 6);
    if (counts.length >= rateLimit) {
      rateLimitedCalls++;
      callTimes.set(key, counts);
      const retryAfter = Math.max(0.1, ((counts[0] + 6) * 10_000 - Date.now()) / 1000);
      return { status: 429, body: { error: 'rate_limit_exceeded', message: 'Rate limit exceeded', retryAfter } };
    }
    counts.push(segment);
    callTimes.set(key, counts);
    return null;
  };

  const sendWebhook = (event: string, data: Record<string, unknown>) => {
    const envelope: WebhookEnvelope = {
      id: randomUUID(),
      specVersion: '1.0',
      event,
      timestamp: new Date().toISOString(),
      data,
    };
    if (!webhook) return options.produce?.(envelope);
    const target = webhook;
    const body = JSON.stringify(envelope);
    const delivery = (async () => {
      for (let attempt = 1; attempt <= 8; attempt++) {
        try {
          const response = await fetch(target.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-debitura-event': event,
              'x-debitura-timestamp': String(Math.floor(Date.now() / 1000)),
              'x-debitura-signature': signatureHeader(target.secret, body),
            },
            body,
          });
          await response.text();
          if (response.ok) return;
        } catch {
          // the app is restarting: try again, as Debitura does
        }
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    })();
    webhooksInFlight.add(delivery);
    void delivery.finally(() => webhooksInFlight.delete(delivery));
  };

  const minor = (detail: InvoiceDto, major: number) => toMinorUnits(major, detail.currency);
  const major = (detail: InvoiceDto, value: bigint) => toMajor(Number(value), detail.currency);
  const livePayments = (caseId: string) => (state.paymentsById.get(caseId) ?? []).filter((p) => !p.isDeleted);
  const paidMinor = (detail: InvoiceDto) =>
    livePayments(detail.id.toLowerCase()).reduce((sum, p) => sum + minor(detail, p.grossAmount), 0n);
  /** What the debtor owed before any payment: the remainder plus what was paid. */
  const owedMinor = (detail: InvoiceDto) => minor(detail, detail.remainder) + paidMinor(detail);
  const setRemainder = (detail: InvoiceDto, owed: bigint) => {
    const rest = owed - paidMinor(detail);
    detail.remainder = major(detail, rest > 0n ? rest : 0n);
  };
  const lifecycleOf = (detail: InvoiceDto) => normalizeLifecycle(detail.lifecycle) ?? detail.lifecycle;
  const setLifecycle = (detail: InvoiceDto, to: string) => {
    const from = lifecycleOf(detail);
    detail.lifecycle = to;
    if (from !== to) {
      sendWebhook('case.updated', {
        reference: detail.reference,
        caseId: detail.id,
        oldLifecycle: from,
        newLifecycle: to,
      });
    }
  };
  const close = (detail: InvoiceDto, closeCode: string, comment: string | null) => {
    detail.lifecycle = 'Closed';
    detail.closeCode = closeCode;
    detail.dateFinished = isoSeconds(new Date());
    sendWebhook('case.closed', { reference: detail.reference, caseId: detail.id, closeCode, comment });
  };

  const validAmount = (detail: InvoiceDto, value: unknown): bigint | null => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    try {
      const amount = minor(detail, value);
      return amount >= BigInt(10 ** Math.max(0, currencyExponent(detail.currency) - 2)) ? amount : null;
    } catch {
      return null;
    }
  };
  const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);

  const start = (detail: InvoiceDto, body: Record<string, unknown>): Answer => {
    if (lifecycleOf(detail) !== 'PendingVerification') {
      return business(400, 'InvalidLifecycle', 'Only a case in PendingVerification can be started.');
    }
    const welcome = body.welcomeMessage;
    if (typeof welcome !== 'string' || !welcome.trim() || welcome.length > 5_000) {
      return business(400, 'InvalidWelcomeMessage', 'welcomeMessage is required (at most 5000 characters).');
    }
    if (typeof body.userEmail !== 'string' || !body.userEmail.includes('@')) {
      return business(400, 'InvalidUser', 'userEmail must name an active team member.');
    }
    for (const fee of ['interestFees', 'reminderFees', 'collectionFees'] as const) {
      if (body[fee] !== undefined && (typeof body[fee] !== 'number' || body[fee] < 0)) {
        return business(400, 'InvalidFees', `${fee} must be 0 or more.`);
      }
    }
    setLifecycle(detail, 'Active');
    return {
      status: 200,
      body: {
        caseId: detail.id,
        caseReference: detail.reference,
        status: 'Active',
        activatedAt: new Date().toISOString(),
        collectionPartnerReference: body.collectionPartnerReference ?? null,
      },
    };
  };

  const createPayment = (detail: InvoiceDto, body: Record<string, unknown>): Answer => {
    if (!isDate(body.date)) return business(400, 'InvalidDate', 'date is required (YYYY-MM-DD).');
    const amount = validAmount(detail, body.paymentAmount);
    if (amount === null)
      return business(400, 'InvalidAmount', 'paymentAmount must be at least 0.01 in the case currency.');
    if (!RECIPIENTS.includes(String(body.paymentRecipient))) {
      return business(400, 'InvalidRecipient', 'paymentRecipient must be Creditor, CollectionPartner or Platform.');
    }
    if (body.paymentRecipient === 'Creditor' && !['Paid', 'Unpaid'].includes(String(body.commissionPaymentStatus))) {
      return business(
        400,
        'CommissionStatusRequired',
        'commissionPaymentStatus is required when the creditor was paid.',
      );
    }
    if (!PAYABLE.includes(lifecycleOf(detail))) {
      return business(
        400,
        'InvalidLifecycle',
        'Payments can only be added to Active, Paused or NeedsAdditionalDetails cases.',
      );
    }
    const owed = owedMinor(detail);
    const payment: PaymentDto = {
      id: randomUUID(),
      date: `${String(body.date).slice(0, 10)}T00:00:00Z`,
      grossAmount: major(detail, amount),
      recipient: String(body.paymentRecipient),
      method: 'BankTransfer',
      currency: detail.currency,
      isDeleted: false,
    };
    const caseId = detail.id.toLowerCase();
    state.paymentsById.set(caseId, [payment, ...(state.paymentsById.get(caseId) ?? [])]);
    setRemainder(detail, owed);
    sendWebhook('payment.created', {
      reference: detail.reference,
      caseId: detail.id,
      paymentId: payment.id,
      amount: payment.grossAmount,
      currency: detail.currency,
      date: payment.date,
      recipient: payment.recipient,
      method: payment.method,
    });
    const isClosing = body.closeCase === true && paidMinor(detail) >= owed;
    if (isClosing) close(detail, 'Paid', null);
    return {
      status: 200,
      body: {
        paymentId: payment.id,
        caseClosed: isClosing,
        closeCode: isClosing ? 'Paid' : null,
        remainingAmount: detail.remainder,
        warnings: detail.remainder === 0 && !isClosing ? ['The payment covers the outstanding amount.'] : [],
      },
    };
  };

  /** Edit (PUT) or delete a payment: 409 when it would reopen a Paid case, 422 when invoiced. */
  const changePayment = (
    detail: InvoiceDto,
    paymentId: string,
    body: Record<string, unknown> | null,
    reopen: boolean,
  ) => {
    const payment = livePayments(detail.id.toLowerCase()).find((p) => p.id === paymentId);
    if (!payment) return business(404, 'PaymentNotFound', 'No such payment on this case.');
    if (invoiced.has(paymentId)) return business(422, 'PaymentInvoiced', 'The payment is already invoiced and frozen.');
    const owed = owedMinor(detail);
    let newAmount = 0n;
    if (body) {
      if (!isDate(body.date)) return business(400, 'InvalidDate', 'date is required (YYYY-MM-DD).');
      const amount = validAmount(detail, body.paymentAmount);
      if (amount === null) return business(400, 'InvalidAmount', 'paymentAmount must be at least 0.01.');
      newAmount = amount;
    }
    const paidAfter = paidMinor(detail) - minor(detail, payment.grossAmount) + newAmount;
    const wouldReopen = lifecycleOf(detail) === 'Closed' && detail.closeCode === 'Paid' && paidAfter < owed;
    if (wouldReopen && !reopen) {
      return business(
        409,
        'WouldReopenCase',
        'This change would reopen a case closed as Paid: resend with reopenCaseIfNeeded=true.',
      );
    }
    if (body) {
      payment.grossAmount = major(detail, newAmount);
      payment.date = `${String(body.date).slice(0, 10)}T00:00:00Z`;
      if (RECIPIENTS.includes(String(body.paymentRecipient))) payment.recipient = String(body.paymentRecipient);
    } else {
      payment.isDeleted = true;
      sendWebhook('payment.deleted', { reference: detail.reference, caseId: detail.id, paymentId });
    }
    setRemainder(detail, owed);
    if (wouldReopen) {
      detail.closeCode = null;
      setLifecycle(detail, 'Active');
    }
    return body ? { status: 200, body: { paymentId, remainingAmount: detail.remainder } } : { status: 204, body: null };
  };

  const closeCase = (detail: InvoiceDto, body: Record<string, unknown>): Answer => {
    const lifecycle = lifecycleOf(detail);
    if (lifecycle === 'Closed' || lifecycle === 'Merged')
      return business(400, 'CaseClosed', 'The case is already closed.');
    const code = normalizeCloseCode(body.closeCode);
    if (!code || !PARTNER_CLOSE_CODES.includes(code))
      return business(400, 'InvalidCloseCode', 'closeCode is not one a partner can set.');
    const comment = typeof body.comment === 'string' ? body.comment : null;
    if (comment && comment.length > 2_000)
      return business(400, 'CommentTooLong', 'comment is at most 2000 characters.');
    const paid = paidMinor(detail);
    const owed = owedMinor(detail);
    if (code === 'Paid' && (paid === 0n || paid < owed)) {
      return business(400, 'PaymentsDoNotCover', 'Paid needs payments that cover the outstanding amount.');
    }
    if (code === 'PartiallyPaid' && (paid === 0n || paid >= owed)) {
      return business(
        400,
        'NotPartiallyPaid',
        'PartiallyPaid needs at least one payment and less than the outstanding amount.',
      );
    }
    close(detail, code, comment);
    return {
      status: 200,
      body: {
        closeCode: code,
        closeCodeDescription: code,
        closedAt: new Date().toISOString(),
        closedBy: 'Collection partner',
        finalOutstandingAmount: detail.remainder,
        totalPayments: major(detail, paid),
        totalRecovered: major(detail, paid),
      },
    };
  };

  const addNote = (detail: InvoiceDto, body: Record<string, unknown>): Answer => {
    const description = body.description;
    if (typeof description !== 'string' || !description.trim() || description.length > 10_000) {
      return business(400, 'InvalidDescription', 'description is required (at most 10000 characters).');
    }
    const eventDate = typeof body.eventDate === 'string' ? body.eventDate : null;
    if (eventDate && (Number.isNaN(Date.parse(eventDate)) || Date.parse(eventDate) > Date.now() + 86_400_000)) {
      return business(400, 'InvalidEventDate', 'eventDate cannot be in the future.');
    }
    const note: Note = { id: randomUUID(), description, eventDate, createdAt: new Date().toISOString() };
    const caseId = detail.id.toLowerCase();
    notes.set(caseId, [...(notes.get(caseId) ?? []), note]);
    return {
      status: 200,
      body: {
        id: note.id,
        caseReference: detail.reference,
        title: 'Note',
        description,
        visibility: 'Shared',
        createdAt: note.createdAt,
        eventDate,
        createdBy: 'Collection partner',
      },
    };
  };

  const timeline = (detail: InvoiceDto): Answer => ({
    status: 200,
    body: {
      items: (notes.get(detail.id.toLowerCase()) ?? []).map((note) => ({
        date: note.createdAt,
        type: 'Note',
        title: 'Note',
        description: note.description,
        actor: { type: 'Partner user', name: 'Collection partner' },
      })),
      currentEngagementPhase: detail.currentEngagementPhase,
    },
  });

  const updateFees = (detail: InvoiceDto, body: Record<string, unknown>): Answer => {
    if (['Closed', 'Merged'].includes(lifecycleOf(detail)))
      return business(400, 'CaseClosed', 'Fees cannot change on a closed case.');
    for (const fee of ['interestFees', 'reminderFees', 'collectionFees'] as const) {
      if (typeof body[fee] !== 'number' || (body[fee] as number) < 0)
        return business(400, 'InvalidFees', `${fee} must be 0 or more.`);
    }
    if (priceChangeCases.has(detail.id.toLowerCase()) && body.confirmPriceChange !== true) {
      return business(
        409,
        'PriceChange',
        'The success fee would change by more than 0.1 points: resend with confirmPriceChange=true.',
      );
    }
    const owed = owedMinor(detail) - minor(detail, detail.totalAddedFees);
    detail.interestFees = body.interestFees as number;
    detail.reminderFees = body.reminderFees as number;
    detail.collectionFees = body.collectionFees as number;
    const added =
      minor(detail, detail.interestFees) + minor(detail, detail.reminderFees) + minor(detail, detail.collectionFees);
    detail.totalAddedFees = major(detail, added);
    setRemainder(detail, owed + added);
    return { status: 200, body: { ...detail } };
  };

  /** Runs an action call with the faults due; records it when it takes effect. */
  const act = (kind: string, caseId: string, body: unknown, run: () => Answer): Answer => {
    attempts++;
    if (faults.timeouts > 0) {
      faults.timeouts--;
      return { status: 0, body: null, fault: 'hang' };
    }
    if (faults.unavailable > 0) {
      faults.unavailable--;
      return { status: 503, body: { error: 'unavailable', message: 'Service temporarily unavailable (simulated)' } };
    }
    if (faults.rateLimited > 0) {
      faults.rateLimited--;
      return {
        status: 429,
        body: { error: 'rate_limit_exceeded', message: 'Rate limit exceeded (simulated)', retryAfter: 1.0 },
      };
    }
    const answer = run();
    answered.push({ kind, caseId, body, status: answer.status, answer: answer.body });
    if (answer.status < 300) calls.push({ kind, caseId, body, at: new Date(), answer: answer.body });
    if (faults.lostAnswers > 0 && answer.status < 300) {
      faults.lostAnswers--;
      return { ...answer, fault: 'drop' };
    }
    if (faults.stalls > 0 && answer.status < 300) {
      faults.stalls--;
      return { ...answer, fault: 'hang' };
    }
    return answer;
  };

  const paymentWithKey = (detail: InvoiceDto, body: Record<string, unknown>, key: string | null): Answer => {
    if (key && key.length > 255)
      return business(400, 'InvalidIdempotencyKey', 'Idempotency-Key is at most 255 characters.');
    const scope = key ? `${detail.id.toLowerCase()}:${key}` : null;
    const fingerprint = JSON.stringify(body);
    const earlier = scope ? idempotent.get(scope) : undefined;
    if (earlier) {
      return earlier.fingerprint === fingerprint
        ? earlier.answer
        : business(422, 'IdempotencyConflict', 'Idempotency-Key reused with a different request.');
    }
    const answer = act('payment_create', detail.id, body, () => createPayment(detail, body));
    // 400s are not stored (the request can be fixed and the key reused); faults are not answers.
    if (scope && answer.status < 300)
      idempotent.set(scope, { fingerprint, answer: { status: answer.status, body: answer.body } });
    return answer;
  };

  /** Routes the action endpoints; null when the path is not one of them. */
  const route = (
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    headers: Headers,
  ): Answer | null => {
    const match = /^\/cases\/([^/]+)\/(start|payments|close|notes|timeline|fees)(?:\/([^/]+))?$/.exec(path);
    if (!match) return null;
    const [, rawId, action, rawPaymentId] = match;
    if (action === 'payments' && method === 'GET' && !rawPaymentId) return null;
    const caseId = decodeURIComponent(rawId).toLowerCase();
    const detail = state.byId.get(caseId);
    if (!detail) return business(404, 'CaseNotFound', 'Case not found.');
    const json = (body ?? {}) as Record<string, unknown>;
    const paymentId = rawPaymentId ? decodeURIComponent(rawPaymentId) : null;
    if (action === 'start' && method === 'POST') return act('accept', caseId, body, () => start(detail, json));
    if (action === 'payments' && method === 'POST' && !paymentId) {
      const key = headers['idempotency-key'];
      return paymentWithKey(detail, json, typeof key === 'string' ? key : null);
    }
    if (action === 'payments' && paymentId && method === 'PUT') {
      return act('payment_update', caseId, body, () =>
        changePayment(detail, paymentId, json, json.reopenCaseIfNeeded === true),
      );
    }
    if (action === 'payments' && paymentId && method === 'DELETE') {
      const reopen = query.get('reopenCaseIfNeeded') === 'true';
      return act('payment_delete', caseId, { paymentId, reopen }, () => changePayment(detail, paymentId, null, reopen));
    }
    if (action === 'close' && method === 'POST') return act('close', caseId, body, () => closeCase(detail, json));
    if (action === 'notes' && method === 'POST') return act('progress_note', caseId, body, () => addNote(detail, json));
    if (action === 'timeline' && method === 'GET') return timeline(detail);
    if (action === 'fees' && method === 'PUT') return act('fees', caseId, body, () => updateFees(detail, json));
    return { status: 405, body: { message: 'Method not allowed' } };
  };

  return {
    route,
    checkRateLimit,
    /** Runs another module's action call (documents) under the same faults and call record. */
    act,
    calls,
    answered,
    attempts: () => attempts,
    rateLimitedCalls: () => rateLimitedCalls,
    setFaults: (next: ActionFaults) => Object.assign(faults, next),
    setWebhook: (target: WebhookTarget | undefined) => (webhook = target),
    setRateLimit: (perMinute: number) => (rateLimit = perMinute),
    markInvoiced: (paymentId: string) => invoiced.add(paymentId),
    requirePriceChangeConfirmation: (caseId: string) => priceChangeCases.add(caseId.toLowerCase()),
    /** Waits for the webhooks still being delivered. */
    flushWebhooks: async () => {
      while (webhooksInFlight.size) await Promise.all([...webhooksInFlight]);
    },
  };
}

export type FakeActions = ReturnType<typeof createFakeActions>;

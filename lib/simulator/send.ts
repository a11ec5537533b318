import { signatureHeader } from '@/lib/webhooks/signature';
import { isTestEnvelope, type WebhookEnvelope } from './generate';
import { createPoster } from './http-post';
import { createProgress, silentProgress, type Progress } from './progress';
import { createRandom } from './random';

/**
 * Delivers webhook envelopes the way Debitura does (docs/debitura.md "Delivery", "Headers and
 * signature"): one signed POST per event, any 2xx is success, failures retried with
 * exponential backoff up to 8 attempts, 4xx other than 408/429 not retried.
 */

export type SendOptions = {
  url: string;
  secret: string;
  concurrency?: number;
  /** Deliver in a random order (seeded) instead of event order. */
  shuffle?: boolean;
  /** 0..1: that share of the events is delivered a second time, later in the run. */
  duplicates?: number;
  seed?: number;
  /** Send `X-Debitura-Test: true` on every delivery (test events carry it anyway). */
  test?: boolean;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  timeoutMs?: number;
  /** false: no progress output; default: stderr. */
  progress?: Progress | false;
  /** Extra headers on every delivery (X-Debitura-Replay, say). */
  headers?: Record<string, string>;
};

export type DeliveryOutcome = 'acknowledged' | 'duplicate' | 'rejected' | 'failed';

export type DeliveryResult = {
  eventId: string;
  event: string;
  isResend: boolean;
  attempts: number;
  status: number | null;
  outcome: DeliveryOutcome;
  error?: string;
};

export type SendSummary = {
  events: number;
  /** Deliveries made (events plus resent duplicates); each may take several attempts. */
  sent: number;
  /** Deliveries answered 2xx, including those the receiver recognised as duplicates. */
  acknowledged: number;
  /** Deliveries the receiver answered `{"status":"duplicate"}`. */
  duplicates: number;
  /** Duplicate deliveries this run injected (--duplicates). */
  resent: number;
  rejected: number;
  retries: number;
  failed: number;
  requests: number;
  elapsedMs: number;
  results: DeliveryResult[];
};

type Delivery = { envelope: WebhookEnvelope; body: Buffer; isResend: boolean; attempts: number };

export function planDeliveries(
  events: WebhookEnvelope[],
  options: Pick<SendOptions, 'shuffle' | 'duplicates' | 'seed'>,
): Delivery[] {
  const random = createRandom((options.seed ?? 1) ^ 0x5eed);
  const deliveries: Delivery[] = events.map((envelope) => ({
    envelope,
    body: Buffer.from(JSON.stringify(envelope)),
    isResend: false,
    attempts: 0,
  }));
  if (options.shuffle) random.shuffle(deliveries);
  const share = Math.min(1, Math.max(0, options.duplicates ?? 0));
  const resends = random.shuffle([...deliveries]).slice(0, Math.round(share * deliveries.length));
  for (const original of resends) {
    // A repeat comes later than the original: the same bytes, as a retry or replay would be.
    const after = deliveries.indexOf(original);
    deliveries.splice(random.int(after + 1, deliveries.length), 0, { ...original, isResend: true });
  }
  return deliveries;
}

export async function sendEvents(events: WebhookEnvelope[], options: SendOptions): Promise<SendSummary> {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const maxAttempts = options.maxAttempts ?? 8;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const retryMaxMs = options.retryMaxMs ?? 30_000;
  const progress = options.progress === false ? silentProgress : (options.progress ?? createProgress());
  const poster = createPoster(options.url, concurrency);
  const deliveries = planDeliveries(events, options);
  const summary: SendSummary = {
    events: events.length,
    sent: deliveries.length,
    acknowledged: 0,
    duplicates: 0,
    resent: deliveries.filter((d) => d.isResend).length,
    rejected: 0,
    retries: 0,
    failed: 0,
    requests: 0,
    elapsedMs: 0,
    results: [],
  };
  const started = Date.now();
  const report = () =>
    `${summary.results.length}/${deliveries.length} delivered · ${summary.acknowledged} acknowledged · ` +
    `${summary.duplicates} duplicates · ${summary.rejected} rejected · ${summary.retries} retries · ${summary.failed} failed`;

  const ready: Delivery[] = [];
  let next = 0;
  let inFlight = 0;
  let waiting = 0;

  const finish = (delivery: Delivery, outcome: DeliveryOutcome, status: number | null, error?: string) => {
    const { envelope, isResend, attempts } = delivery;
    summary.results.push({
      eventId: envelope.id,
      event: envelope.event,
      isResend,
      attempts,
      status,
      outcome,
      ...(error ? { error } : {}),
    });
    if (outcome === 'acknowledged' || outcome === 'duplicate') summary.acknowledged++;
    if (outcome === 'duplicate') summary.duplicates++;
    if (outcome === 'rejected') summary.rejected++;
    if (outcome === 'failed') summary.failed++;
  };

  const attempt = async (delivery: Delivery): Promise<'retry' | null> => {
    delivery.attempts++;
    summary.requests++;
    const t = Math.floor(Date.now() / 1000); // signed at delivery time, so a late retry still verifies
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'casedesk-simulator/1.0',
      'X-Debitura-Signature': signatureHeader(options.secret, delivery.body, t),
      'X-Debitura-Timestamp': String(t),
      'X-Debitura-Event': delivery.envelope.event,
      ...(options.test || isTestEnvelope(delivery.envelope) ? { 'X-Debitura-Test': 'true' } : {}),
      ...options.headers,
    };
    let status: number | null = null;
    let error: string | undefined;
    try {
      const response = await poster.post(delivery.body, headers, options.timeoutMs);
      status = response.status;
      if (status >= 200 && status < 300) {
        finish(delivery, isDuplicateAnswer(response.body) ? 'duplicate' : 'acknowledged', status);
        return null;
      }
      error = `HTTP ${status}: ${response.body.slice(0, 200)}`;
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        finish(delivery, 'rejected', status, error);
        return null;
      }
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    if (delivery.attempts >= maxAttempts) {
      finish(delivery, 'failed', status, error);
      return null;
    }
    return 'retry';
  };

  await new Promise<void>((resolve) => {
    const pump = () => {
      while (inFlight < concurrency && (ready.length || next < deliveries.length)) {
        const delivery = ready.shift() ?? deliveries[next++];
        inFlight++;
        void attempt(delivery).then((verdict) => {
          inFlight--;
          if (verdict === 'retry') {
            summary.retries++;
            waiting++;
            const delay =
              Math.min(retryMaxMs, retryBaseMs * 2 ** (delivery.attempts - 1)) * (0.8 + Math.random() * 0.4);
            setTimeout(() => {
              waiting--;
              ready.push(delivery);
              pump();
            }, delay);
          }
          progress.update(report());
          pump();
        });
      }
      if (!inFlight && !waiting && !ready.length && next >= deliveries.length) resolve();
    };
    pump();
  });

  poster.close();
  summary.elapsedMs = Date.now() - started;
  progress.done(report());
  return summary;
}

function isDuplicateAnswer(body: string): boolean {
  if (!body.includes('duplicate')) return false;
  try {
    return (JSON.parse(body) as { status?: unknown }).status === 'duplicate';
  } catch {
    return false;
  }
}

export function formatSummary(summary: SendSummary): string {
  const lines = [
    `events        ${summary.events}`,
    `sent          ${summary.sent} deliveries (${summary.resent} resent as duplicates), ${summary.requests} requests`,
    `acknowledged  ${summary.acknowledged}`,
    `duplicates    ${summary.duplicates} (answered "duplicate" by the receiver)`,
    `rejected      ${summary.rejected}`,
    `retries       ${summary.retries}`,
    `failed        ${summary.failed}`,
    `time          ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ];
  const problems = summary.results
    .filter((result) => result.outcome === 'rejected' || result.outcome === 'failed')
    .slice(0, 5);
  for (const problem of problems)
    lines.push(`  ${problem.outcome} ${problem.event} ${problem.eventId}: ${problem.error ?? problem.status}`);
  return lines.join('\n');
}

import { errorResponse } from '@/lib/api/errors';
import { getPool } from '@/lib/database/pool';
import { kickJob } from '@/lib/jobs/runner';
import { readLimitedBody } from './body';
import { parseEnvelope, type EnvelopeFailure } from './envelope';
import { recordDuplicate, storeEvent } from './inbox';
import { recordRejection, type Rejection } from './rejections';
import { verifyWithWebhookKeys } from './secrets';
import type { SignatureFailure } from './signature';

/**
 * `POST /api/webhooks/debitura` (docs/debitura.md "Delivery"), in this order: size (413), signature (401),
 * envelope (400), store (200 once committed; 503 when the database is down, so Debitura
 * retries). Applying happens after the answer, in the background applier. Never 410.
 */

// The applier job's name (lib/jobs/webhook-applier.ts), kept literal so this hot module
// does not pull in the applier.
const APPLIER_JOB = 'webhook-applier';

/** Headers kept with the event: what helps an admin later. Never the signature. */
const KEPT_HEADERS = [
  'content-type',
  'user-agent',
  'x-debitura-event',
  'x-debitura-timestamp',
  'x-debitura-test',
  'x-debitura-replay',
  'x-debitura-delivery',
  'x-debitura-delivery-id',
  'x-request-id',
  'x-forwarded-for',
  'x-real-ip',
];

const SIGNATURE_MESSAGES: Record<SignatureFailure | 'no_secret_configured', string> = {
  missing_signature: 'The X-Debitura-Signature header is missing.',
  malformed_signature: 'The X-Debitura-Signature header is not of the form t=<unix seconds>,v1=<hex>.',
  stale_timestamp: 'The signature timestamp is more than 300 seconds old.',
  future_timestamp: 'The signature timestamp is more than 30 seconds in the future.',
  no_matching_secret: 'The signature matches none of the configured webhook secrets.',
  no_secret_configured: 'No webhook secret is configured (DEBITURA_WEBHOOK_SECRETS or the Debitura admin page).',
};

const ENVELOPE_MESSAGES: Record<EnvelopeFailure | 'invalid_encoding', string> = {
  invalid_encoding: 'The body is not valid UTF-8.',
  invalid_json: 'The body is not JSON.',
  not_an_object: 'The body is not a JSON object.',
  missing_id: 'The envelope has no id.',
  invalid_id: 'The envelope id must be a string of at most 200 characters.',
  missing_event: 'The envelope has no event.',
  missing_timestamp: 'The envelope has no timestamp.',
  invalid_timestamp: 'The envelope timestamp is not an ISO 8601 time.',
  missing_data: 'The envelope has no data object.',
};

/** Every reason a delivery is refused and recorded for (the admin pages name each in words). */
export const REJECTION_REASONS = [...Object.keys(SIGNATURE_MESSAGES), ...Object.keys(ENVELOPE_MESSAGES)];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lossyUtf8 = new TextDecoder('utf-8');

export async function receiveDelivery(request: Request): Promise<Response> {
  const body = await readLimitedBody(request);
  if (!body) return errorResponse(413, 'payload_too_large', 'The body is larger than 1 MiB.');

  const { headers } = request;
  const eventHeader = headers.get('x-debitura-event')?.slice(0, 200) ?? null;
  const verdict = await verifyWithWebhookKeys(headers.get('x-debitura-signature'), body);
  if (!verdict.ok) {
    await reject({
      reason: verdict.reason,
      status: 401,
      eventType: eventHeader,
      clientAddress: clientAddress(headers),
    });
    return errorResponse(401, verdict.reason, SIGNATURE_MESSAGES[verdict.reason]);
  }

  let text: string | null = null;
  try {
    text = utf8.decode(body);
  } catch {
    // not UTF-8: refused below
  }
  const parsed = text === null ? ({ ok: false, reason: 'invalid_encoding' } as const) : parseEnvelope(text);
  if (!parsed.ok) {
    // PostgreSQL text holds no NUL, so the kept copy drops them.
    const kept = (text ?? lossyUtf8.decode(body)).replaceAll('\u0000', '');
    await reject({
      reason: parsed.reason,
      status: 400,
      eventType: eventHeader,
      clientAddress: clientAddress(headers),
      body: kept,
    });
    return errorResponse(400, parsed.reason, ENVELOPE_MESSAGES[parsed.reason]);
  }

  const { envelope } = parsed;
  const pool = getPool();
  let isNew: boolean;
  try {
    isNew = await storeEvent(pool, {
      envelope,
      rawBody: text!,
      headers: keptHeaders(headers),
      isTest: isTrue(headers.get('x-debitura-test')) || envelope.isTest,
      isReplay: isTrue(headers.get('x-debitura-replay')),
      secretId: verdict.fingerprint,
    });
  } catch (error) {
    console.error('[webhook] could not store event', envelope.id, error instanceof Error ? error.message : error);
    return errorResponse(503, 'unavailable', 'The event could not be stored; please retry.', { 'Retry-After': '5' });
  }

  if (!isNew) {
    // Off the response path; the event's own row is untouched otherwise.
    recordDuplicate(pool, envelope.id).then(
      () => kickJob(APPLIER_JOB),
      (error) =>
        console.error(
          '[webhook] could not count duplicate',
          envelope.id,
          error instanceof Error ? error.message : error,
        ),
    );
    return Response.json({ status: 'duplicate' });
  }
  if (!envelope.isKnownType) return Response.json({ status: 'ignored' });
  kickJob(APPLIER_JOB);
  return Response.json({ status: 'accepted' });
}

async function reject(rejection: Rejection) {
  try {
    await recordRejection(rejection);
  } catch (error) {
    // The answer stays the same without the record; the database being down is logged elsewhere.
    console.error('[webhook] could not record rejected delivery', error instanceof Error ? error.message : error);
  }
}

function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 500);
  }
  return kept;
}

/**
 * Where the delivery came from, as the proxy in front tells it: X-Real-IP (set by the proxy
 * itself), else the first X-Forwarded-For hop (Next adds the socket address when there is none).
 */
export function clientAddress(headers: Headers): string | null {
  const address = headers.get('x-real-ip')?.trim() || headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return address ? address.slice(0, 100) : null;
}

const isTrue = (value: string | null) => value?.trim().toLowerCase() === 'true' || value?.trim() === '1';

import { db } from '@/lib/db';
import { listStoredSecrets, type StoredSecret } from '@/lib/debitura/store';
import { getWebhookKeys } from '@/lib/webhooks/secrets';

/**
 * Which webhook secret verified the recent deliveries, by fingerprint (the webhook route
 * stores it in webhook_events.secret_id): those in DEBITURA_WEBHOOK_SECRETS (getWebhookKeys
 * computes the same fingerprints) and those the Debitura connection stored, active or
 * retiring. A configured secret that has verified nothing for a while can be removed
 * safely. Never reads or shows a secret, only its fingerprint and status.
 */

export const USAGE_WINDOW_DAYS = 30;

export type SecretUsage = {
  /** Null for events stored without a fingerprint (e.g. before fingerprints existed). */
  fingerprint: string | null;
  /** In DEBITURA_WEBHOOK_SECRETS or stored by the connection: it verifies deliveries now. */
  isConfigured: boolean;
  /** Position in DEBITURA_WEBHOOK_SECRETS (1-based), null when not there. */
  position: number | null;
  /** Its status when the Debitura connection stored it (admin page), null when it did not. */
  storedStatus: StoredSecret['status'] | null;
  last24h: number;
  lastWindow: number;
  lastSeenAt: Date | null;
};

export async function secretUsage(
  now = new Date(),
  configured = getWebhookKeys(),
  stored?: Pick<StoredSecret, 'fingerprint' | 'status'>[],
): Promise<SecretUsage[]> {
  const storedSecrets = stored ?? (await listStoredSecrets());
  const since = new Date(now.getTime() - USAGE_WINDOW_DAYS * 86_400_000);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const rows = await db.$queryRaw<{ secret_id: string | null; day: number; total: number; last_seen: Date }[]>`
    SELECT secret_id, count(*) FILTER (WHERE received_at >= ${dayAgo})::int AS day, count(*)::int AS total,
           max(received_at) AS last_seen
    FROM webhook_events WHERE received_at >= ${since}
    GROUP BY secret_id`;

  const usage = new Map(rows.map((row) => [row.secret_id, row]));
  const statusOf = new Map(storedSecrets.map((secret) => [secret.fingerprint, secret.status]));
  const known = (fingerprint: string, position: number | null): SecretUsage => {
    const row = usage.get(fingerprint);
    return {
      fingerprint,
      isConfigured: true,
      position,
      storedStatus: statusOf.get(fingerprint) ?? null,
      last24h: row?.day ?? 0,
      lastWindow: row?.total ?? 0,
      lastSeenAt: row?.last_seen ?? null,
    };
  };
  const result = configured.map((key, index) => known(key.fingerprint, index + 1));
  const listed = new Set(result.map((entry) => entry.fingerprint));
  for (const secret of storedSecrets) {
    if (listed.has(secret.fingerprint)) continue;
    result.push(known(secret.fingerprint, null));
    listed.add(secret.fingerprint);
  }
  for (const row of rows) {
    if (row.secret_id !== null && listed.has(row.secret_id)) continue;
    result.push({
      fingerprint: row.secret_id,
      isConfigured: false,
      position: null,
      storedStatus: null,
      last24h: row.day,
      lastWindow: row.total,
      lastSeenAt: row.last_seen,
    });
  }
  return result;
}

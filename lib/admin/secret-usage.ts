import { db } from '@/lib/db';
import { getWebhookKeys } from '@/lib/webhooks/secrets';

/**
 * Which configured webhook secret verified the recent deliveries, by fingerprint (the
 * webhook route stores it in webhook_events.secret_id; getWebhookKeys computes the same
 * fingerprints for what DEBITURA_WEBHOOK_SECRETS holds now). A configured secret that has
 * verified nothing for a while can be removed safely. Never reads or shows a secret.
 */

export const USAGE_WINDOW_DAYS = 30;

export type SecretUsage = {
  /** Null for events stored without a fingerprint (e.g. before fingerprints existed). */
  fingerprint: string | null;
  isConfigured: boolean;
  /** Position in DEBITURA_WEBHOOK_SECRETS (1-based), null when not configured any more. */
  position: number | null;
  last24h: number;
  lastWindow: number;
  lastSeenAt: Date | null;
};

export async function secretUsage(now = new Date(), configured = getWebhookKeys()): Promise<SecretUsage[]> {
  const since = new Date(now.getTime() - USAGE_WINDOW_DAYS * 86_400_000);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const rows = await db.$queryRaw<{ secret_id: string | null; day: number; total: number; last_seen: Date }[]>`
    SELECT secret_id, count(*) FILTER (WHERE received_at >= ${dayAgo})::int AS day, count(*)::int AS total,
           max(received_at) AS last_seen
    FROM webhook_events WHERE received_at >= ${since}
    GROUP BY secret_id`;

  const usage = new Map(rows.map((row) => [row.secret_id, row]));
  const result: SecretUsage[] = configured.map((key, index) => {
    const row = usage.get(key.fingerprint);
    return {
      fingerprint: key.fingerprint,
      isConfigured: true,
      position: index + 1,
      last24h: row?.day ?? 0,
      lastWindow: row?.total ?? 0,
      lastSeenAt: row?.last_seen ?? null,
    };
  });
  const configuredPrints = new Set(configured.map((key) => key.fingerprint));
  for (const row of rows) {
    if (row.secret_id !== null && configuredPrints.has(row.secret_id)) continue;
    result.push({
      fingerprint: row.secret_id,
      isConfigured: false,
      position: null,
      last24h: row.day,
      lastWindow: row.total,
      lastSeenAt: row.last_seen,
    });
  }
  return result;
}

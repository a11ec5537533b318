import { db } from '@/lib/db';
import { forgetStoredWebhookKeys } from '@/lib/webhooks/stored-secrets';

/**
 * After a rotation the old secret stays as `retiring`, so deliveries Debitura signed before
 * the rotation (retries, replays) still verify. It is dropped once it has been retiring for
 * 24 hours and has verified nothing in the last 24 hours.
 */

export const RETIRE_AFTER_MS = 24 * 3_600_000;

export async function dropQuietRetiringSecrets(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - RETIRE_AFTER_MS);
  const candidates = await db.debituraWebhookSecret.findMany({
    where: { status: 'retiring', retiringSince: { lte: cutoff } },
    select: { id: true, fingerprint: true },
  });
  let dropped = 0;
  for (const secret of candidates) {
    const recent = await db.webhookEvent.findFirst({
      where: { secretId: secret.fingerprint, receivedAt: { gte: cutoff } },
      select: { id: true },
    });
    if (recent) continue;
    dropped += (await db.debituraWebhookSecret.deleteMany({ where: { id: secret.id, status: 'retiring' } })).count;
  }
  if (dropped) forgetStoredWebhookKeys();
  return dropped;
}

import { db } from '@/lib/db';
import type { DebituraConnection, Prisma } from '@/lib/generated/prisma/client';
import { secretFingerprint } from '@/lib/webhooks/secrets';
import { decodeSecret } from '@/lib/webhooks/signature';
import { decryptSecret, encryptSecret } from './encryption';

/**
 * The stored side of the connection: the single `debitura_connection` row and the webhook
 * secrets, always encrypted on the way in. Nothing here talks to Debitura.
 */

export type ConnectionRow = DebituraConnection;

export async function getConnectionRow(): Promise<ConnectionRow | null> {
  return db.debituraConnection.findUnique({ where: { id: 1 } });
}

export async function updateConnectionRow(
  data: Omit<Prisma.DebituraConnectionUncheckedCreateInput, 'id'>,
): Promise<ConnectionRow> {
  const values = { ...data, updatedAt: new Date() };
  return db.debituraConnection.upsert({ where: { id: 1 }, create: { id: 1, ...values }, update: values });
}

export async function storeApiKey(apiKey: string): Promise<void> {
  await updateConnectionRow({ apiKeyEncrypted: encryptSecret(apiKey) });
}

/** The stored API key, decrypted; null when none was entered. Throws DecryptionError after a key change. */
export async function readStoredApiKey(): Promise<string | null> {
  const row = await db.debituraConnection.findUnique({ where: { id: 1 }, select: { apiKeyEncrypted: true } });
  return row?.apiKeyEncrypted ? decryptSecret(row.apiKeyEncrypted) : null;
}

export type StoredSecret = { id: string; fingerprint: string; status: 'active' | 'retiring'; createdAt: Date };

/**
 * Stores a secret Debitura just handed us as the active one. Any secret active before
 * becomes `retiring`: it keeps verifying until deliveries stop using it (rotation).
 */
export async function storeActiveSecret(secret: string): Promise<StoredSecret> {
  const fingerprint = secretFingerprint(decodeSecret(secret));
  return db.$transaction(async (tx) => {
    await tx.debituraWebhookSecret.updateMany({
      where: { status: 'active', NOT: { fingerprint } },
      data: { status: 'retiring', retiringSince: new Date() },
    });
    const row = await tx.debituraWebhookSecret.upsert({
      where: { fingerprint },
      create: { fingerprint, secretEncrypted: encryptSecret(secret), status: 'active' },
      update: { status: 'active', retiringSince: null },
    });
    return toStoredSecret(row);
  });
}

export async function listStoredSecrets(): Promise<StoredSecret[]> {
  const rows = await db.debituraWebhookSecret.findMany({ orderBy: { createdAt: 'desc' } });
  return rows.map(toStoredSecret);
}

export async function dropStoredSecret(id: string): Promise<boolean> {
  const { count } = await db.debituraWebhookSecret.deleteMany({ where: { id, status: 'retiring' } });
  return count === 1;
}

/** Every stored secret, decrypted; one that no longer decrypts is skipped (and reported by the health check). */
export async function readStoredSecrets(): Promise<{ secrets: string[]; unreadable: number }> {
  const rows = await db.debituraWebhookSecret.findMany({ select: { secretEncrypted: true } });
  const secrets: string[] = [];
  let unreadable = 0;
  for (const row of rows) {
    try {
      secrets.push(decryptSecret(row.secretEncrypted));
    } catch {
      unreadable += 1;
    }
  }
  return { secrets, unreadable };
}

function toStoredSecret(row: { id: string; fingerprint: string; status: string; createdAt: Date }): StoredSecret {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    status: row.status === 'active' ? 'active' : 'retiring',
    createdAt: row.createdAt,
  };
}

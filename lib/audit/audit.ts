import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';

/**
 * The audit trail: who did what to which thing. Written in the caller's transaction when
 * one is given, so the change and its audit row commit (or roll back) together.
 */
export type AuditActor = { id: string; email: string };

export type AuditEntry = {
  /** Null or absent for the system, the CLI, or an unknown caller (a failed sign-in). */
  actor?: AuditActor | null;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
};

/** Anything with the auditLog delegate: `db` itself or a transaction client. */
export type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

export async function recordAudit(entry: AuditEntry, tx?: AuditWriter): Promise<void> {
  const client: AuditWriter = tx ?? db;
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      detail: (entry.detail ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

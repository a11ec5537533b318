import { recordAudit, type AuditActor } from '@/lib/audit/audit';

/**
 * Who took which debtor data out: every CSV export is audited with the filters it was made
 * with (the query string as sent), so an export can be reproduced and accounted for.
 */
export type ExportKind = 'cases' | 'payments' | 'reports';

export async function auditExport(
  actor: AuditActor,
  kind: ExportKind,
  request: Request,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit({
    actor,
    action: `export.${kind}`,
    targetType: 'export',
    targetId: kind,
    detail: { query: new URL(request.url).search.slice(0, 2_000), ...detail },
  });
}

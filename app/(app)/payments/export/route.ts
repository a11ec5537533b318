import { toErrorResponse } from '@/lib/api/errors';
import { auditExport } from '@/lib/audit/exports';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { csvResponse } from '@/lib/csv/csv';
import { readerLanguage } from '@/lib/i18n/reader-language';
import { exportPaymentsCsv } from '@/lib/payments/export';
import { parsePaymentQuery } from '@/lib/payments/filters';

/** GET /payments/export?<the /payments filters>: the filtered payments as CSV (managers). */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await authenticateApiRequest(request, 'payments:reconcile');
    const { query } = parsePaymentQuery(new URL(request.url).searchParams);
    const { t } = readerLanguage(request, user);
    const { csv, isTruncated } = await exportPaymentsCsv({ ...query, cursor: undefined }, t);
    const response = csvResponse(`payments-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    if (isTruncated) response.headers.set('x-casedesk-truncated', 'true');
    await auditExport(user, 'payments', request, { isTruncated });
    return response;
  } catch (error) {
    return toErrorResponse(error);
  }
}

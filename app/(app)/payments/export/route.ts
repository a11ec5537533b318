import { toErrorResponse } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { csvResponse } from '@/lib/csv/csv';
import { exportPaymentsCsv } from '@/lib/payments/export';
import { parsePaymentQuery } from '@/lib/payments/filters';

/** GET /payments/export?<the /payments filters>: the filtered payments as CSV (managers). */
export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateApiRequest(request, 'payments:reconcile');
    const { query } = parsePaymentQuery(new URL(request.url).searchParams);
    const { csv, isTruncated } = await exportPaymentsCsv({ ...query, cursor: undefined });
    const response = csvResponse(`payments-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    if (isTruncated) response.headers.set('x-casedesk-truncated', 'true');
    return response;
  } catch (error) {
    return toErrorResponse(error);
  }
}

import { toErrorResponse, ValidationError } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { csvResponse } from '@/lib/csv/csv';
import { parseReportFilter } from '@/lib/reports/filters';
import { buildReport, isReportKey, REPORT_KEYS, reportCsv } from '@/lib/reports/tables';

/** GET /reports/export?report=<key>&from&to&isTest: one report's table as CSV (managers). */
export async function GET(request: Request): Promise<Response> {
  try {
    await authenticateApiRequest(request, 'reports:read');
    const params = new URL(request.url).searchParams;
    const key = params.get('report');
    if (!isReportKey(key)) throw new ValidationError(`report must be one of ${REPORT_KEYS.join(', ')}`, 400);
    const { filter } = parseReportFilter(params);
    const table = await buildReport(key, filter);
    const scope = `${filter.isTest ? 'test' : 'live'}-${filter.from}-to-${filter.to}`;
    return csvResponse(`${key}-${scope}.csv`, reportCsv(table));
  } catch (error) {
    return toErrorResponse(error);
  }
}

import { toErrorResponse, ValidationError } from '@/lib/api/errors';
import { auditExport } from '@/lib/audit/exports';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { csvResponse } from '@/lib/csv/csv';
import { readerLanguage } from '@/lib/i18n/reader-language';
import { parseReportFilter } from '@/lib/reports/filters';
import { reportLabels } from '@/lib/reports/labels';
import { buildReport, isReportKey, REPORT_KEYS, reportCsv } from '@/lib/reports/tables';

/** GET /reports/export?report=<key>&from&to&isTest: one report's table as CSV (managers). */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await authenticateApiRequest(request, 'reports:read');
    const params = new URL(request.url).searchParams;
    const key = params.get('report');
    if (!isReportKey(key)) throw new ValidationError(`report must be one of ${REPORT_KEYS.join(', ')}`, 400);
    const { filter } = parseReportFilter(params);
    // Headers in the reader's language; the values stay codes and plain decimals.
    const { t } = readerLanguage(request, user);
    const table = await buildReport(key, filter, reportLabels(t).table);
    const scope = `${filter.isTest ? 'test' : 'live'}-${filter.from}-to-${filter.to}`;
    const response = csvResponse(
      `${key}-${scope}.csv`,
      reportCsv(table, (label) => t('csv.percent', { label })),
    );
    await auditExport(user, 'reports', request, { report: key });
    return response;
  } catch (error) {
    return toErrorResponse(error);
  }
}

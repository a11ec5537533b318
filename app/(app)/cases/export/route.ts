import { toErrorResponse, ValidationError } from '@/lib/api/errors';
import { auditExport } from '@/lib/audit/exports';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { parseCaseListQuery } from '@/lib/cases/filters';
import { exportCasesCsv } from '@/lib/csv/cases-export';
import { csvResponse } from '@/lib/csv/csv';
import { readerLanguage } from '@/lib/i18n/reader-language';

/**
 * GET /cases/export?<the /cases filters>: the filtered case list as CSV. Exports are a
 * manager tool (`reports:read`); the list's own role visibility applies on top.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await authenticateApiRequest(request, 'reports:read');
    const parsed = parseCaseListQuery(new URL(request.url).searchParams);
    if (!parsed.ok)
      throw new ValidationError(
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        400,
      );
    const { t } = readerLanguage(request, user);
    const { csv, isTruncated } = await exportCasesCsv(user, { ...parsed.query, cursor: undefined }, t);
    const response = csvResponse(
      `cases-${parsed.query.isTest ? 'test' : 'live'}-${new Date().toISOString().slice(0, 10)}.csv`,
      csv,
    );
    if (isTruncated) response.headers.set('x-casedesk-truncated', 'true');
    await auditExport(user, 'cases', request, { isTruncated });
    return response;
  } catch (error) {
    return toErrorResponse(error);
  }
}

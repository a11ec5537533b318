import { ValidationError, toErrorResponse } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { listCases } from '@/lib/cases/queries';
import { parseCaseListQuery } from '@/lib/cases/filters';
import { toCaseListJson } from '@/lib/cases/list-json';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/v1/cases?state=&closeCode=&phase=&currency=&q=&assignee=&isTest=&unread=&sort=&dir=&limit=&cursor=`
 * → `{ items, nextCursor }`. Same role rule as the page: collectors get their own and
 * unassigned cases. Pass `nextCursor` back as `cursor` for the next page.
 */
export async function GET(request: Request) {
  try {
    const viewer = await authenticateApiRequest(request, 'cases:read');
    const parsed = parseCaseListQuery(new URL(request.url).searchParams);
    if (!parsed.ok) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new ValidationError(detail, 400);
    }
    const page = await listCases(viewer, parsed.query);
    return Response.json(
      { items: page.items.map(toCaseListJson), nextCursor: page.nextCursor },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}

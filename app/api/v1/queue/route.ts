import { toErrorResponse, ValidationError } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { getQueue, QUEUE_DEFAULT_LIMIT, QUEUE_MAX_LIMIT, resolveQueueSubject } from '@/lib/work/queue';

export const dynamic = 'force-dynamic';

/**
 * The work queue, soonest deadline first: `{"items": [{kind, reference, dueAt, overdue, title, ...}],
 * "total", "dueTodayCount", "overdueCount"}`. `items` holds the soonest `?limit=` (default 200,
 * at most 5,000); the counts cover the whole queue. `?user=<email>` (managers) shows that
 * person's queue; a manager's own queue is the team's.
 */
export async function GET(request: Request) {
  try {
    const viewer = await authenticateApiRequest(request, 'cases:read');
    const params = new URL(request.url).searchParams;
    const subject = await resolveQueueSubject(viewer, params.get('user'));
    const queue = await getQueue(subject, { limit: parseLimit(params.get('limit')) });
    return Response.json(queue, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

function parseLimit(raw: string | null): number {
  if (raw === null) return QUEUE_DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > QUEUE_MAX_LIMIT) {
    throw new ValidationError(`limit must be a whole number from 1 to ${QUEUE_MAX_LIMIT}.`);
  }
  return limit;
}

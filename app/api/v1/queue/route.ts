import { toErrorResponse } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { getQueue, resolveQueueSubject } from '@/lib/work/queue';

export const dynamic = 'force-dynamic';

/**
 * The work queue, soonest deadline first: `{"items": [{kind, reference, dueAt, overdue, title, ...}]}`.
 * `?user=<email>` (managers) shows that person's queue; a manager's own queue is the team's.
 */
export async function GET(request: Request) {
  try {
    const viewer = await authenticateApiRequest(request, 'cases:read');
    const subject = await resolveQueueSubject(viewer, new URL(request.url).searchParams.get('user'));
    const queue = await getQueue(subject);
    return Response.json(queue, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

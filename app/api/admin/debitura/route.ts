import { toErrorResponse, ValidationError } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { getSyncProgress } from '@/lib/debitura/progress';
import { findTestArrival } from '@/lib/debitura/test-event';

export const dynamic = 'force-dynamic';

/** The Debitura page's live parts (SWR): import and repair progress, and whether a test event arrived since `testSince`. */
export async function GET(request: Request) {
  try {
    await authenticateApiRequest(request, 'debitura:manage');
    const testSince = new URL(request.url).searchParams.get('testSince');
    const since = testSince ? new Date(testSince) : null;
    if (since && Number.isNaN(since.getTime())) throw new ValidationError('testSince must be an ISO 8601 time.', 400);
    const [progress, arrival] = await Promise.all([getSyncProgress(), since ? findTestArrival(since) : null]);
    return Response.json({
      ...progress,
      testArrival: arrival ? { ...arrival, receivedAt: arrival.receivedAt.toISOString() } : null,
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}

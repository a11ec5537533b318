import { toErrorResponse } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { liveEventStream } from '@/lib/live/sse';

export const dynamic = 'force-dynamic';

/**
 * Live changes as `text/event-stream` (token or session): one event per change, naming its
 * kind and the case reference. Pages use it to refresh; scripts can too.
 */
export async function GET(request: Request) {
  try {
    const viewer = await authenticateApiRequest(request, 'cases:read');
    return new Response(liveEventStream(viewer, request.signal), {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}

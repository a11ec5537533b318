import { ValidationError, toErrorResponse } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { deliverSoon } from '@/lib/chat/deliver';
import { createReply, replySchema } from '@/lib/chat/reply';
import { getChatThread } from '@/lib/chat/thread';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/**
 * The case chat, oldest first (the case page polls this with SWR). Reading it marks the
 * thread read for the caller unless `?markRead=false`.
 */
export async function GET(request: Request, { params }: Context) {
  try {
    const viewer = await authenticateApiRequest(request, 'cases:read');
    const { reference } = await params;
    const markRead = new URL(request.url).searchParams.get('markRead') !== 'false';
    const thread = await getChatThread(viewer, reference, { markRead });
    return Response.json(thread, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/**
 * A reply: `{ "message": "..." }` → 202 with the stored message, status `sending`. It is
 * posted to Debitura right after the answer and retried in the background until it is sent.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const viewer = await authenticateApiRequest(request, 'chat:reply');
    const { reference } = await params;
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new ValidationError('The body must be JSON: {"message": "..."}.', 400);
    }
    const { message } = replySchema.parse(body);
    const saved = await createReply(viewer, reference, message);
    deliverSoon(saved.id);
    return Response.json(saved, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

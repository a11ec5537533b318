import { toErrorResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/json-body';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { addFollowUp, followUpInputSchema } from '@/lib/work/follow-ups';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/** A follow-up: `{"dueDate": "YYYY-MM-DD", "note": "..."}` → 201. A date in the past answers 422. */
export async function POST(request: Request, { params }: Context) {
  try {
    const worker = await authenticateApiRequest(request, 'cases:read');
    const { reference } = await params;
    const input = followUpInputSchema.parse(await readJsonBody(request, '{"dueDate": "YYYY-MM-DD", "note": "..."}'));
    const followUp = await addFollowUp(worker, reference, input);
    return Response.json(followUp, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

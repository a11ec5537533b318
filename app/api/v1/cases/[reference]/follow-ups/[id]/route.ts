import { toErrorResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/json-body';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { closeFollowUp, followUpPatchSchema } from '@/lib/work/follow-ups';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string; id: string }> };

/** `{"done": true}` or `{"cancelled": true}` → 200 with the follow-up. */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const worker = await authenticateApiRequest(request, 'cases:read');
    const { reference, id } = await params;
    const patch = followUpPatchSchema.parse(await readJsonBody(request, '{"done": true} or {"cancelled": true}'));
    const followUp = await closeFollowUp(worker, reference, id, 'done' in patch ? 'done' : 'cancelled');
    return Response.json(followUp, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

import { toErrorResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/json-body';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { cancelPromise } from '@/lib/work/promises';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string; id: string }> };

const patchSchema = z.object({ cancelled: z.literal(true) }).strict();

/** `{"cancelled": true}` → 200 with the promise (a kept promise cannot be cancelled: 422). */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const worker = await authenticateApiRequest(request, 'cases:read');
    const { reference, id } = await params;
    patchSchema.parse(await readJsonBody(request, '{"cancelled": true}'));
    const promise = await cancelPromise(worker, reference, id);
    return Response.json(promise, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

import { toErrorResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/json-body';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { addPromise, promiseInputSchema } from '@/lib/work/promises';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/**
 * A promise to pay in the case's currency: `{"amountMinor": 50000, "dueDate": "YYYY-MM-DD"}`
 * (optional `promisedOn`, `note`) → 201 with its status.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const worker = await authenticateApiRequest(request, 'cases:read');
    const { reference } = await params;
    const input = promiseInputSchema.parse(
      await readJsonBody(request, '{"amountMinor": 50000, "dueDate": "YYYY-MM-DD"}'),
    );
    const promise = await addPromise(worker, reference, input);
    return Response.json(promise, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

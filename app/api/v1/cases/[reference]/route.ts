import { NotFoundError, toErrorResponse } from '@/lib/api/errors';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { getCaseJson } from '@/lib/cases/case-api';

export const dynamic = 'force-dynamic';

/** One case with its timeline, payments and chat (bearer token or session; collectors see theirs and unassigned). */
export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  try {
    const user = await authenticateApiRequest(request, 'cases:read');
    const { reference } = await params;
    const found = await getCaseJson(user, reference);
    if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
    return Response.json(found, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

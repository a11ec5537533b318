import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { answer, publicAction } from '@/lib/case-actions/http';
import { getAction } from '@/lib/outbox/queries';

export const dynamic = 'force-dynamic';

/** One action sent (or being sent) to Debitura: `{action: {id, kind, status, error?, ...}}`. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return answer(async () => {
    const viewer = await authenticateApiRequest(request, 'cases:read');
    const { id } = await params;
    const action = await getAction(viewer, id);
    return Response.json({ action: publicAction(action) }, { headers: { 'Cache-Control': 'no-store' } });
  });
}

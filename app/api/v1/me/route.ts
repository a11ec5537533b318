import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { toErrorResponse } from '@/lib/api/errors';
import { ROLE_PERMISSIONS } from '@/lib/auth/permissions';

export const dynamic = 'force-dynamic';

/** Who the caller is (by API token or session): a cheap way to check a token works. */
export async function GET(request: Request) {
  try {
    const user = await authenticateApiRequest(request, 'cases:read');
    return Response.json({ user: { ...user, permissions: ROLE_PERMISSIONS[user.role] } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

// Load balancers poll this. It answers without touching the database on purpose:
// `?db=1` adds a database round trip for deeper checks.
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  if (new URL(request.url).searchParams.get('db') === '1') {
    try {
      await db.$queryRaw`SELECT 1`;
    } catch {
      return Response.json({ status: 'error', database: 'unreachable' }, { status: 503 });
    }
    return Response.json({ status: 'ok', database: 'ok' });
  }
  return Response.json({ status: 'ok' });
}

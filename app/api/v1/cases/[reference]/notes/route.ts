import { ValidationError, toErrorResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/json-body';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { addInternalNote, internalNoteSchema } from '@/lib/work/internal-notes';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/**
 * A note on the case. `{"text", "internal": true}` stores an internal note (never sent to
 * Debitura) → 201. Without `internal` it would be a progress note to Debitura, which this
 * route does not send yet.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const worker = await authenticateApiRequest(request, 'cases:read');
    const { reference } = await params;
    const body = await readJsonBody(request, '{"text": "...", "internal": true}');
    if ((body as { internal?: unknown } | null)?.internal !== true) {
      throw new ValidationError(
        'Only internal notes can be written here so far: send "internal": true (progress notes to Debitura are not available yet).',
      );
    }
    const { text } = internalNoteSchema.parse(body);
    const note = await addInternalNote(worker, reference, text);
    return Response.json(note, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

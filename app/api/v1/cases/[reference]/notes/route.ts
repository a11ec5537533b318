import { toErrorResponse } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/json-body';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { accepted } from '@/lib/case-actions/http';
import { addProgressNote } from '@/lib/case-actions/perform';
import { noteSchema } from '@/lib/case-actions/schemas';
import { addInternalNote, internalNoteSchema } from '@/lib/work/internal-notes';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/**
 * A note on the case: parsed once, then dispatched by kind.
 * - `{"text", "internal": true}`: an internal note (never sent to Debitura) → 201.
 * - `{"text", "eventDate"?}`: a progress note to Debitura, shared with the creditor and counted
 *   for its monthly update → 202 `{action}` once stored in the outbox.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const worker = await authenticateApiRequest(request, 'cases:read');
    const { reference } = await params;
    const body = await readJsonBody(request, '{"text": "...", "internal": true}');
    if ((body as { internal?: unknown } | null)?.internal === true) {
      const { text } = internalNoteSchema.parse(body);
      const note = await addInternalNote(worker, reference, text);
      return Response.json(note, { status: 201, headers: { 'Cache-Control': 'no-store' } });
    }
    return accepted(await addProgressNote(worker, reference, noteSchema.parse(body)));
  } catch (error) {
    return toErrorResponse(error);
  }
}

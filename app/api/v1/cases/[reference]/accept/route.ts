import { acceptCase } from '@/lib/case-actions/perform';
import { accepted, answer, authenticateActor, parseInput, readJson } from '@/lib/case-actions/http';
import { acceptSchema } from '@/lib/case-actions/schemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/** Accept a new case: `{welcomeMessage, handlerEmail?, agencyReference?}` → 202 `{action}`. */
export function POST(request: Request, { params }: Context) {
  return answer(async () => {
    const actor = await authenticateActor(request);
    const { reference } = await params;
    const input = parseInput(acceptSchema, await readJson(request, '{"welcomeMessage": "..."}'));
    return accepted(await acceptCase(actor, reference, input));
  });
}

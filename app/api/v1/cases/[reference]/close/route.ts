import { closeCase } from '@/lib/case-actions/perform';
import { accepted, answer, authenticateActor, parseInput, readJson } from '@/lib/case-actions/http';
import { closeSchema } from '@/lib/case-actions/schemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/** Close the case: `{closeCode, comment?}` (a partner close code; comment required for Other) → 202 `{action}`. */
export function POST(request: Request, { params }: Context) {
  return answer(async () => {
    const actor = await authenticateActor(request);
    const { reference } = await params;
    const input = parseInput(closeSchema, await readJson(request, '{"closeCode": "Paid"}'));
    return accepted(await closeCase(actor, reference, input));
  });
}

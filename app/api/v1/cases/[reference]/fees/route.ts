import { changeFees } from '@/lib/case-actions/perform';
import { accepted, answer, authenticateActor, parseInput, readJson } from '@/lib/case-actions/http';
import { feesSchema } from '@/lib/case-actions/schemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ reference: string }> };

/**
 * Replace the fees: `{interestFeesMinor, reminderFeesMinor, collectionFeesMinor, confirm?}` → 202.
 * `confirm: true` accepts the price change Debitura asks about (its 409).
 */
export function PUT(request: Request, { params }: Context) {
  return answer(async () => {
    const actor = await authenticateActor(request);
    const { reference } = await params;
    const example = '{"interestFeesMinor": 0, "reminderFeesMinor": 500, "collectionFeesMinor": 0}';
    const input = parseInput(feesSchema, await readJson(request, example));
    return accepted(await changeFees(actor, reference, input));
  });
}

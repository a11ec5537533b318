import { z } from 'zod';
import { NotFoundError, ValidationError } from '@/lib/api/errors';
import { assignCases, AssignmentError } from '@/lib/assignment/assign';
import { authenticateApiRequest } from '@/lib/auth/api-auth';
import { answer, parseInput, readJson } from '@/lib/case-actions/http';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

const assigneeSchema = z.object({
  email: z.email('email must be an email address, or null to unassign').nullable(),
});

/** For managers' scripts: `{"email": "..."}` assigns the case, `{"email": null}` unassigns it (as the pages do). */
export function PUT(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return answer(async () => {
    const actor = await authenticateApiRequest(request, 'cases:assign');
    const { reference } = await params;
    const { email } = parseInput(assigneeSchema, await readJson(request, '{"email": "anna@agency.example"}'));
    const found = await db.case.findUnique({ where: { reference }, select: { id: true } });
    if (!found) throw new NotFoundError(`No case with the reference ${reference}.`);
    const assignee = email
      ? await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } })
      : null;
    if (email && !assignee) throw new ValidationError(`email: no Casedesk user has the email ${email}`);
    try {
      const result = await assignCases({ actor, caseIds: [found.id], assigneeId: assignee?.id ?? null });
      return Response.json({ reference, assigneeEmail: email, changed: result.changed > 0 });
    } catch (error) {
      if (error instanceof AssignmentError) throw new ValidationError(`email: ${error.message}`);
      throw error;
    }
  });
}

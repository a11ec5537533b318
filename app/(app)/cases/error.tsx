'use client';

import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** A failure while loading cases (the database may be unreachable): say so and offer a retry. */
export default function CasesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState title="The cases could not be loaded" action={<Button onClick={reset}>Try again</Button>}>
      Something went wrong on our side, not with your filters. Try again in a moment; if it keeps happening, tell an
      admin
      {error.digest ? ` and mention the code ${error.digest}` : ''}.
    </EmptyState>
  );
}

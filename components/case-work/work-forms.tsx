'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useRef, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Textarea } from '@/components/ui/input';
import {
  addFollowUpAction,
  addInternalNoteAction,
  addPromiseAction,
  cancelPromiseAction,
  closeFollowUpAction,
  type WorkFormState,
} from '@/lib/work/actions';

const IDLE: WorkFormState = { status: 'idle', error: null, savedAt: 0 };
type Action = (previous: WorkFormState, formData: FormData) => Promise<WorkFormState>;

/** A form bound to a work action: errors announced next to it, cleared after a save. */
function useWorkForm(action: Action) {
  const ref = useRef<HTMLFormElement>(null);
  const [state, dispatch, isPending] = useActionState(async (previous: WorkFormState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.status === 'saved') ref.current?.reset();
    return result;
  }, IDLE);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { ref, state, isPending, onSubmit };
}

function FormStatus({ id, state }: { id: string; state: WorkFormState }) {
  const t = useTranslations('queue');
  return (
    <p id={id} role="status" aria-live="polite" className="text-xs">
      {state.status === 'error' && state.error ? (
        <span className="text-red-700">{t(`actions.errors.${state.error}`)}</span>
      ) : state.status === 'saved' ? (
        <span className="text-green-800">{t('work.saved')}</span>
      ) : null}
    </p>
  );
}

export function AddFollowUpForm({ reference, today }: { reference: string; today: string }) {
  const t = useTranslations('queue.work');
  const { ref, state, isPending, onSubmit } = useWorkForm(addFollowUpAction.bind(null, reference));
  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-2" aria-label={t('addFollowUp')}>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <div>
          <label htmlFor="follow-up-date" className="block text-xs font-medium text-slate-700">
            {t('dueDate')}
          </label>
          <Input
            id="follow-up-date"
            name="dueDate"
            type="date"
            min={today}
            required
            aria-describedby="follow-up-status"
          />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="follow-up-note" className="block text-xs font-medium text-slate-700">
            {t('note')}
          </label>
          <Input id="follow-up-note" name="note" required maxLength={2000} aria-describedby="follow-up-status" />
        </div>
      </div>
      <Button type="submit" size="sm" disabled={isPending}>
        {t('addFollowUp')}
      </Button>
      <FormStatus id="follow-up-status" state={state} />
    </form>
  );
}

export function AddPromiseForm({ reference, currency }: { reference: string; currency: string }) {
  const t = useTranslations('queue.work');
  const { ref, state, isPending, onSubmit } = useWorkForm(addPromiseAction.bind(null, { reference, currency }));
  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-2" aria-label={t('addPromise')}>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <div>
          <label htmlFor="promise-amount" className="block text-xs font-medium text-slate-700">
            {t('amount', { currency })}
          </label>
          <Input
            id="promise-amount"
            name="amount"
            inputMode="decimal"
            required
            placeholder="500.00"
            aria-describedby="promise-status"
          />
        </div>
        <div>
          <label htmlFor="promise-date" className="block text-xs font-medium text-slate-700">
            {t('promiseDueDate')}
          </label>
          <Input id="promise-date" name="dueDate" type="date" required aria-describedby="promise-status" />
        </div>
      </div>
      <Button type="submit" size="sm" disabled={isPending}>
        {t('addPromise')}
      </Button>
      <FormStatus id="promise-status" state={state} />
    </form>
  );
}

export function InternalNoteForm({ reference }: { reference: string }) {
  const t = useTranslations('queue.work');
  const { ref, state, isPending, onSubmit } = useWorkForm(addInternalNoteAction.bind(null, reference));
  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-2" aria-label={t('addNote')}>
      <label htmlFor="internal-note" className="block text-xs font-medium text-slate-700">
        {t('internalNote')}
      </label>
      <Textarea
        id="internal-note"
        name="text"
        rows={2}
        required
        maxLength={5000}
        aria-describedby="internal-note-hint internal-note-status"
      />
      <p id="internal-note-hint" className="text-xs text-slate-500">
        {t('internalHint')}
      </p>
      <Button type="submit" size="sm" disabled={isPending}>
        {t('addNote')}
      </Button>
      <FormStatus id="internal-note-status" state={state} />
    </form>
  );
}

/** Done / cancel on a follow-up, cancel on a promise. */
export function CloseItemButton({
  reference,
  id,
  what,
  status,
  label,
}: {
  reference: string;
  id: string;
  what: 'follow_up' | 'promise';
  status: 'done' | 'cancelled';
  label: string;
}) {
  const { state, isPending, onSubmit } = useWorkForm(
    (what === 'promise' ? cancelPromiseAction : closeFollowUpAction).bind(null, reference),
  );
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="status" value={status} />
      <Button type="submit" size="sm" variant={status === 'done' ? 'secondary' : 'ghost'} disabled={isPending}>
        {label}
      </Button>
      {state.status === 'error' ? <FormStatus id={`close-${id}`} state={state} /> : null}
    </form>
  );
}

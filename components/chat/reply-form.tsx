'use client';

import { useTranslations } from 'next-intl';
import {
  startTransition,
  useActionState,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import { sendReplyAction, type ReplyFormState } from '@/lib/chat/actions';

const MAX_LENGTH = 5_000;
const INITIAL: ReplyFormState = { status: 'idle', error: null, savedId: null };

const subscribeStorage = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
};

/**
 * The reply box. What is typed is kept as a draft in this browser until the server has
 * stored the reply, so a reload or a failed save never loses it; once stored, the server
 * keeps it (as `sending`) until Debitura has it.
 */
export function ReplyForm({ reference, onSaved }: { reference: string; onSaved: () => void }) {
  const t = useTranslations('chat.reply');
  const draftKey = `casedesk:chat-draft:${reference}`;
  const storedDraft = useSyncExternalStore(
    subscribeStorage,
    () => window.localStorage.getItem(draftKey) ?? '',
    () => '',
  );
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? storedDraft;

  const [state, dispatch, isPending] = useActionState<ReplyFormState, FormData>(async (previous, formData) => {
    const result = await sendReplyAction(reference, previous, formData);
    if (result.status === 'saved') {
      window.localStorage.removeItem(draftKey);
      setTyped('');
      onSaved();
    }
    return result;
  }, INITIAL);

  const update = (value: string) => {
    setTyped(value);
    if (value) window.localStorage.setItem(draftKey, value);
    else window.localStorage.removeItem(draftKey);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    // Dispatched by hand so React does not reset the form: the text stays until it is stored.
    event.preventDefault();
    if (isPending) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <form onSubmit={submit} className="space-y-2" aria-label={t('form')}>
      <label htmlFor="reply-message" className="block text-sm font-medium text-slate-700">
        {t('label')}
      </label>
      <Textarea
        id="reply-message"
        name="message"
        rows={3}
        value={text}
        onChange={(event) => update(event.target.value)}
        onKeyDown={onKeyDown}
        maxLength={MAX_LENGTH}
        aria-invalid={state.status === 'error' ? true : undefined}
        aria-describedby="reply-hint reply-status"
        placeholder={t('placeholder')}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id="reply-hint" className="text-xs text-slate-500">
          {t('hint')} {text.length > MAX_LENGTH - 500 ? t('charactersLeft', { count: MAX_LENGTH - text.length }) : ''}
        </p>
        <Button type="submit" disabled={isPending || !text.trim()}>
          {isPending ? t('saving') : t('send')}
        </Button>
      </div>
      <p
        id="reply-status"
        role="status"
        aria-live="polite"
        className={state.status === 'error' ? 'text-sm text-red-700' : 'sr-only'}
      >
        {state.status === 'error' ? state.error : state.status === 'saved' ? t('saved') : ''}
      </p>
    </form>
  );
}

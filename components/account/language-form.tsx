'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { chooseLocaleAction, type ChooseLocaleState } from '@/lib/i18n/actions';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

/** The user's language, or "browser default" (none saved). Saving re-renders every page in it. */
export function LanguageForm({ current }: { current: Locale | null }) {
  const t = useTranslations('account.language');
  const [state, formAction, isPending] = useActionState<ChooseLocaleState, FormData>(chooseLocaleAction, {
    status: 'idle',
  });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <Field label={t('label')} htmlFor="locale">
        <Select
          id="locale"
          name="locale"
          defaultValue={current ?? ''}
          aria-describedby="locale-status"
          options={[
            { value: '', label: t('browserDefault') },
            ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale], lang: locale })),
          ]}
        />
      </Field>
      <Button type="submit" disabled={isPending}>
        {isPending ? t('saving') : t('save')}
      </Button>
      <p id="locale-status" role="status" className="w-full text-sm text-slate-700">
        {state.status === 'saved' ? t('saved') : state.status === 'invalid' ? t('invalid') : null}
      </p>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field } from '@/components/admin/field';
import { buttonClass, labelClass } from '@/components/admin/styles';
import { IDLE, type FormState } from '@/lib/admin/form-state';
import { registerWebhookAction, saveApiKeyAction } from '@/lib/debitura/actions';

/** The two forms of the connection: the API key (checked with Debitura, then stored) and the webhook registration. */

function Outcome({ id, state }: { id: string; state: FormState }) {
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-slate-700'}`}
    >
      {state.message}
    </p>
  );
}

export function ApiKeyForm() {
  const t = useTranslations('connection.key');
  const [state, action, isPending] = useActionState(saveApiKeyAction, IDLE);
  return (
    <form action={action} className="max-w-md space-y-2" aria-describedby="api-key-outcome">
      <Field
        idPrefix="api-key"
        name="apiKey"
        type="password"
        autoComplete="off"
        required
        label={t('label')}
        hint={t('help')}
      />
      <button type="submit" disabled={isPending} className={buttonClass}>
        {t('submit')}
      </button>
      <Outcome id="api-key-outcome" state={state} />
    </form>
  );
}

/** Registering again keeps the current mode unless the admin changes it (a change replaces the subscription). */
export function RegisterForm({
  defaultUrl,
  isRegistered,
  isTestMode,
}: {
  defaultUrl: string;
  isRegistered: boolean;
  isTestMode: boolean;
}) {
  const t = useTranslations('connection.webhook');
  const [state, action, isPending] = useActionState(registerWebhookAction, IDLE);
  return (
    <form action={action} className="max-w-xl space-y-2" aria-describedby="register-outcome">
      <Field idPrefix="register" name="url" type="url" defaultValue={defaultUrl} label={t('url')} hint={t('urlHelp')} />
      <div className="flex items-center gap-2">
        <input
          id="register-test-mode"
          name="testMode"
          type="checkbox"
          defaultChecked={isTestMode}
          className="h-4 w-4"
        />
        <label htmlFor="register-test-mode" className={labelClass}>
          {t('testMode')}
        </label>
      </div>
      <button type="submit" disabled={isPending} className={buttonClass}>
        {isRegistered ? t('reregister') : t('register')}
      </button>
      <Outcome id="register-outcome" state={state} />
    </form>
  );
}

'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { failure, type FormState } from '@/lib/admin/form-state';
import { requirePermission } from '@/lib/auth/session';
import { kickJob } from '@/lib/jobs/runner';
import { forgetStoredWebhookKeys } from '@/lib/webhooks/stored-secrets';
import { checkApiKey, registerWebhook, rotateSecret } from './connect';
import { toConnectionError } from './errors';
import { DEBITURA_SYNC_JOB } from './jobs';
import { startRepair } from './recovery';
import { dropStoredSecret } from './store';
import { startRun } from './sync-runs';
import { sendTestEvent } from './test-event';

/**
 * The Debitura page's buttons: each checks the permission itself (an action is reachable
 * without its page), runs the same step the CLI runs, and answers in the reader's language.
 * Debitura's own words, when it gave any, are shown as they came.
 */

type Step = (actor: { id: string; email: string }, formData: FormData) => Promise<string>;

async function run(formData: FormData, step: Step): Promise<FormState> {
  const actor = await requirePermission('debitura:manage');
  const t = await getTranslations('connection');
  try {
    const message = await step(actor, formData);
    revalidatePath('/', 'layout');
    return { status: 'success', message };
  } catch (error) {
    const problem = toConnectionError(error);
    if (!problem) throw error;
    revalidatePath('/', 'layout');
    return failure(
      problem.detail ? `${t(`problems.${problem.problem}`)} (${problem.detail})` : t(`problems.${problem.problem}`),
    );
  }
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export async function saveApiKeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('connection');
  return run(formData, async (actor) => {
    const { agencyName } = await checkApiKey({ apiKey: text(formData, 'apiKey') || undefined, actor });
    return t('key.saved', { name: agencyName });
  });
}

export async function registerWebhookAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('connection');
  return run(formData, async (actor) => {
    await registerWebhook({
      url: text(formData, 'url') || undefined,
      isTestMode: formData.get('testMode') === 'on',
      actor,
    });
    return t('webhook.registered');
  });
}

export async function rotateSecretAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('connection');
  return run(formData, async (actor) => {
    await rotateSecret(actor);
    return t('webhook.rotated');
  });
}

/** Re-enable (if disabled) and repair: the banner's button and the page's "Repair now". */
export async function repairAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('connection');
  return run(formData, async (actor) => {
    const { isReenabled } = await startRepair({ actor });
    kickJob(DEBITURA_SYNC_JOB);
    return isReenabled ? t('webhook.reenabled') : t('repair.started');
  });
}

export async function importAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('connection');
  return run(formData, async () => {
    await startRun('import', { includeTest: formData.get('includeTest') === 'on' });
    kickJob(DEBITURA_SYNC_JOB);
    return t('import.started');
  });
}

export async function testEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('connection');
  let firedAt = '';
  const state = await run(formData, async (actor) => {
    firedAt = (await sendTestEvent(actor)).firedAt.toISOString();
    return t('webhook.testSent');
  });
  return state.status === 'success' ? { ...state, values: { firedAt } } : state;
}

export async function dropSecretAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('connection');
  return run(formData, async () => {
    if (await dropStoredSecret(text(formData, 'id'))) forgetStoredWebhookKeys();
    return t('secrets.dropped');
  });
}

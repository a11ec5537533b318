import type { Logger } from './types';

/**
 * Connects the demo to the fake Collection Partner API the way an admin connects a real
 * agency on the Debitura page, with the same code (lib/debitura/connect.ts): the API key is
 * checked with `GET /me` and stored encrypted, then the webhook subscription is registered
 * and the secret the fake API answers with is stored. The fake API signs every delivery
 * with that secret, so the webhook route verifies the demo exactly as it verifies Debitura.
 *
 * The fake API lives in this process and forgets its subscriptions when `npm run dev` stops,
 * so each start registers again: the previous secret becomes `retiring` and goes by itself.
 */

export type DemoConnection = { agencyName: string; subscriptionId: string; webhookUrl: string };

export async function connectDemo(apiKey: string, webhookUrl: string, log: Logger): Promise<DemoConnection> {
  const { checkApiKey, registerWebhook } = await import('@/lib/debitura/connect');
  const { readStoredApiKey } = await import('@/lib/debitura/store');
  // Stored once; later starts only check it again (a key that no longer decrypts is stored anew).
  const stored = await readStoredApiKey().catch(() => null);
  const { agencyName } = await checkApiKey(stored === apiKey ? {} : { apiKey });
  // Test mode: the demo has test cases, and the page's "Send test event" fires at test-mode webhooks only.
  const subscription = await registerWebhook({ url: webhookUrl, isTestMode: true });
  log(`connected to the fake Debitura API as "${agencyName}": webhook ${subscription.id} (test mode) → ${webhookUrl}`);
  return { agencyName, subscriptionId: subscription.id, webhookUrl };
}

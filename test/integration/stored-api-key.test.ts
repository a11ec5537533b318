import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStoredApiKeyOnce } from '@/lib/debitura/api-config';
import { storeApiKey } from '@/lib/debitura/store';
import { getDebituraApiConfig, setStoredApiKeyFallback } from '@/lib/debitura-api/client';
import { closePool } from '@/lib/database/pool';
import { db } from '@/lib/db';
import { caseDetailJob } from '@/lib/jobs/case-detail';
import { outboxJob } from '@/lib/outbox/job';
import { createTestDatabase } from '../helpers/database';

/**
 * A process that starts with an API key stored on the Debitura page (not in DEBITURA_API_KEY)
 * reads it before its jobs first call Debitura: a worker restarted with actions queued must
 * not send them without a key.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.CASEDESK_ENCRYPTION_KEY = 'stored-api-key-test';
  process.env.DEBITURA_API_URL = 'http://127.0.0.1:9';
  delete process.env.DEBITURA_API_KEY;
  await storeApiKey('the-stored-key');
});

afterAll(async () => {
  setStoredApiKeyFallback(undefined);
  await db.$disconnect();
  await closePool();
  await database?.drop();
});

describe('the stored API key in a fresh process', () => {
  it('is read once before the first call, and not before anyone asks', async () => {
    setStoredApiKeyFallback(undefined); // as in a process that has just started
    expect(getDebituraApiConfig()?.apiKey).toBe('');
    await loadStoredApiKeyOnce();
    expect(getDebituraApiConfig()?.apiKey).toBe('the-stored-key');
  });

  it.each([
    ['the outbox sender', outboxJob],
    ['the case detail fetcher', caseDetailJob],
  ])('is loaded by %s before it sends', async (_name, job) => {
    setStoredApiKeyFallback(undefined);
    await job.run();
    expect(getDebituraApiConfig()?.apiKey).toBe('the-stored-key');
  });
});

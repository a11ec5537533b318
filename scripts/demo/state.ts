import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Role } from '@/lib/auth/permissions';

/**
 * What the demo decided the first time, kept in the git-ignored .data folder (mode 600)
 * so every later start prints the same sign-ins and serves the same fake cases.
 */

export type DemoUser = { email: string; name: string; role: Role; password: string };

export type DemoState = {
  seed: number;
  cases: number;
  testShare: number;
  /** The generation's "now": events happen before it. Set at the first start, so the demo looks recent. */
  until: string;
  apiKey: string;
  /** Where the running `npm run dev` serves the fake Debitura API (a new port each start), for the CLI. */
  fakeApiUrl?: string;
  users: DemoUser[];
  casesLoadStartedAt?: string;
  casesLoadedAt?: string;
};

export const DATA_DIR = path.resolve(import.meta.dirname, '../../.data');
const FILE = path.join(DATA_DIR, 'demo.json');

const word = () => randomBytes(3).toString('hex');

export async function loadDemoState(): Promise<DemoState> {
  if (existsSync(FILE)) return JSON.parse(await readFile(FILE, 'utf8')) as DemoState;
  const state: DemoState = {
    seed: 2026,
    cases: 40,
    testShare: 0.1,
    until: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
    apiKey: `demo-${randomBytes(12).toString('hex')}`,
    users: [
      {
        email: 'collector@casedesk.example',
        name: 'Cora Collector',
        role: 'collector',
        password: `collect-${word()}-${word()}`,
      },
      {
        email: 'manager@casedesk.example',
        name: 'Max Manager',
        role: 'manager',
        password: `manage-${word()}-${word()}`,
      },
      { email: 'admin@casedesk.example', name: 'Ada Admin', role: 'admin', password: `admin-${word()}-${word()}` },
    ],
  };
  await saveDemoState(state);
  return state;
}

export async function saveDemoState(state: DemoState) {
  await writeFile(FILE, JSON.stringify(state, null, 2), { mode: 0o600 });
}

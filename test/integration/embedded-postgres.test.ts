import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@/lib/database/embedded';

const root = path.resolve(import.meta.dirname, '../..');

describe('the embedded PostgreSQL', () => {
  it('recovers from a run killed with SIGKILL and keeps the data', async () => {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'casedesk-embedded-')), 'pg');
    // node itself (not the tsx wrapper, which would leave its child running when killed).
    const holder = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/hold-embedded-postgres.ts', dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && resolve());
      holder.once('exit', (code) => reject(new Error(`fixture exited early (${code})`)));
    });
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));

    // The killed run's postgres is still running and holds the lock file.
    const leftoverPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(() => process.kill(leftoverPid, 0)).not.toThrow();

    const database = await startEmbeddedPostgres({ dataDir });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query('SELECT value FROM kept');
      await client.end();
      expect(rows).toEqual([{ value: 'survives restarts' }]);
      expect(() => process.kill(leftoverPid, 0)).toThrow();
    } finally {
      await database.stop();
    }
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('keeps the exit code of the process that used it (a test run with failures must not exit 0)', async () => {
    const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'casedesk-embedded-')), 'pg');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/exit-code-after-embedded-postgres.ts', dataDir],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(3);
  });
});

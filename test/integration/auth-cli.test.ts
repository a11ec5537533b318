import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/helpers/database';

/**
 * The admin CLI as an operator runs it (`npm run admin` = `tsx scripts/admin.ts`), against
 * a real PostgreSQL. The local tsx binary is what `npx tsx` resolves to, minus npx's start-up.
 */

const root = path.resolve(import.meta.dirname, '../..');
let database: Awaited<ReturnType<typeof createTestDatabase>>;

type Run = { code: number | null; stdout: string; stderr: string };

function admin(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/admin.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe('admin CLI', { timeout: 240_000 }, () => {
  it('answers bad arguments with a usage message and exit code 2', async () => {
    const [none, unknown, missing, badRole, unknownOption] = await Promise.all([
      admin([]),
      admin(['user:frobnicate']),
      admin(['user:create', '--email', 'a@example.test', '--name', 'A']),
      admin([
        'user:create',
        '--email',
        'a@example.test',
        '--name',
        'A',
        '--role',
        'owner',
        '--password',
        'long-enough-1',
      ]),
      admin(['user:list', '--colour']),
    ]);
    for (const run of [none, unknown, missing, badRole, unknownOption]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: npm run admin --');
    }
    expect(missing.stderr).toContain('--role is required');
    expect(badRole.stderr).toContain('Unknown role "owner"');
    expect(none.stderr).toContain('token:create');
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM users');
    expect(rows[0].n).toBe(0);
  });

  it('creates users (password from stdin or --password), lists them, refuses duplicates', async () => {
    const created = await admin(
      ['user:create', '--email', ' Ada@Example.TEST ', '--name', 'Ada Admin', '--role', 'admin'],
      'correct horse battery\n',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('ada@example.test');

    const second = await admin([
      'user:create',
      '--email',
      'carl@example.test',
      '--name',
      'Carl Collector',
      '--role',
      'collector',
      '--password',
      'another-password',
    ]);
    expect(second.code, second.stderr).toBe(0);

    const { rows } = await database.pool.query(`SELECT email, role, password_hash FROM users ORDER BY email`);
    expect(rows.map((row) => [row.email, row.role])).toEqual([
      ['ada@example.test', 'admin'],
      ['carl@example.test', 'collector'],
    ]);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);

    const duplicate = await admin([
      'user:create',
      '--email',
      'ADA@example.test',
      '--name',
      'Again',
      '--role',
      'manager',
      '--password',
      'whatever-123',
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');

    const list = await admin(['user:list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/ada@example\.test\s+Ada Admin\s+admin\s+active/);
    expect(list.stdout).toMatch(/carl@example\.test\s+Carl Collector\s+collector\s+active/);
  });

  it('exits 1 with a clear error for an unknown email', async () => {
    const runs = await Promise.all([
      admin(['user:disable', '--email', 'nobody@example.test']),
      admin(['user:role', '--email', 'nobody@example.test', '--role', 'manager']),
      admin(['token:create', '--email', 'nobody@example.test']),
      admin(['user:password', '--email', 'nobody@example.test', '--password', 'long-enough-1']),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('No user with the email nobody@example.test');
    }
  });

  it('disables, enables and changes roles, ending sessions each time', async () => {
    const version = async () =>
      (
        await database.pool.query(
          `SELECT session_version, role, disabled_at FROM users WHERE email = 'carl@example.test'`,
        )
      ).rows[0];
    const before = await version();

    expect((await admin(['user:disable', '--email', 'carl@example.test'])).code).toBe(0);
    const disabled = await version();
    expect(disabled.disabled_at).not.toBeNull();
    expect(disabled.session_version).toBe(before.session_version + 1);
    expect((await admin(['user:list'])).stdout).toMatch(/carl@example\.test\s+Carl Collector\s+collector\s+disabled/);

    expect((await admin(['user:enable', '--email', 'carl@example.test'])).code).toBe(0);
    expect((await admin(['user:role', '--email', 'carl@example.test', '--role', 'manager'])).code).toBe(0);
    const after = await version();
    expect(after.disabled_at).toBeNull();
    expect(after.role).toBe('manager');
    expect(after.session_version).toBe(before.session_version + 3);

    const { rows } = await database.pool.query(`SELECT action FROM audit_log WHERE target_type = 'user' ORDER BY id`);
    expect(rows.map((row) => row.action)).toEqual([
      'user.created',
      'user.created',
      'user.disabled',
      'user.enabled',
      'user.role_changed',
    ]);
  });

  it('resets a password from stdin', async () => {
    const before = (await database.pool.query(`SELECT password_hash FROM users WHERE email = 'ada@example.test'`))
      .rows[0];
    const run = await admin(['user:password', '--email', 'ada@example.test'], 'a brand new password\n');
    expect(run.code, run.stderr).toBe(0);
    const after = (await database.pool.query(`SELECT password_hash FROM users WHERE email = 'ada@example.test'`))
      .rows[0];
    expect(after.password_hash).not.toBe(before.password_hash);

    const tooShort = await admin(['user:password', '--email', 'ada@example.test'], 'short\n');
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toContain('at least 8 characters');
  });

  it('creates a token (alone on the last stdout line, stored only as a hash) and revokes it', async () => {
    const run = await admin(['token:create', '--email', 'ada@example.test', '--name', 'ci']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const token = lines[lines.length - 1];
    expect(token).toMatch(/^cd_[A-Za-z0-9_-]{43}$/);

    const { rows } = await database.pool.query(`SELECT id, name, token_hash, prefix FROM api_tokens`);
    expect(rows).toHaveLength(1);
    expect(rows[0].name).toBe('ci');
    expect(rows[0].token_hash).not.toContain(token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(token.startsWith(rows[0].prefix)).toBe(true);

    const revoke = await admin(['token:revoke', '--id', rows[0].id]);
    expect(revoke.code, revoke.stderr).toBe(0);
    const revoked = await database.pool.query(`SELECT revoked_at FROM api_tokens WHERE id = $1`, [rows[0].id]);
    expect(revoked.rows[0].revoked_at).not.toBeNull();

    const [unknown, missing] = await Promise.all([
      admin(['token:revoke', '--id', '00000000-0000-4000-8000-000000000000']),
      admin(['token:revoke']),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No API token with the id');
    expect(missing.code).toBe(2);
  });
});

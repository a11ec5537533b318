import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run admin -- …` as an operator runs it, in a child process: node with tsx's loader
 * rather than the tsx binary, so a kill reaches the CLI itself (tsx's wrapper would leave it running).
 */

const root = path.resolve(import.meta.dirname, '../..');

export type CliRun = { code: number | null; stdout: string; stderr: string };

export type CliProcess = { child: ChildProcess; stderr: () => string; done: Promise<CliRun> };

export function spawnAdmin(args: string[], env: Record<string, string>, stdin = ''): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  child.stdin!.end(stdin);
  return { child, stderr: () => stderr, done };
}

export function runAdmin(args: string[], env: Record<string, string>, stdin = ''): Promise<CliRun> {
  return spawnAdmin(args, env, stdin).done;
}

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Linux /proc readings: a process tree's memory and CPU time, and the machine. */

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The pid and all its descendants (alive now). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** Resident memory in MiB, summed over the pids. */
export function rssMiB(pids: readonly number[]): number {
  let kib = 0;
  for (const pid of pids) {
    const match = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '');
    if (match) kib += Number(match[1]);
  }
  return kib / 1024;
}

/**
 * User + system CPU seconds, summed over the pids, including each one's reaped children
 * (cutime, cstime): a helper process that exits mid-run (esbuild under tsx, a PostgreSQL
 * backend) moves its time to its parent instead of vanishing from the sum.
 */
export function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]); // utime, stime, cutime, cstime
  }
  return ticks / TICKS_PER_SECOND;
}

/** Samples the peak RSS of a process tree until stopped. */
export function watchPeakRss(root: number, everyMs = 250) {
  let peak = 0;
  let pids = processTree(root);
  let tick = 0;
  const timer = setInterval(() => {
    if (++tick % 20 === 0) pids = processTree(root);
    peak = Math.max(peak, rssMiB(pids));
  }, everyMs);
  timer.unref();
  return { peak: () => peak, now: () => rssMiB(pids), stop: () => clearInterval(timer) };
}

export function describeMachine(): string[] {
  const cpuModel = /model name\s*:\s*(.+)/.exec(read('/proc/cpuinfo') ?? '')?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  let memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total`;
  try {
    memory = execFileSync('free', ['-g'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(0, 2)
      .join(' / ')
      .replace(/\s+/g, ' ');
  } catch {
    // free is not everywhere
  }
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return String(os.availableParallelism());
    }
  })();
  return [
    `nproc: ${nproc}`,
    `CPU: ${cpuModel}`,
    `memory (free -g): ${memory}`,
    `Node ${process.version}, ${os.type()} ${os.release()}`,
    `load average at start: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  ];
}

import http from 'node:http';
import { summarize } from './stats';

/**
 * A fixed-concurrency load generator on node:http keep-alive sockets (autocannon is not
 * installed, and fetch costs the client more CPU, which on two shared cores would be
 * taken from the server being measured). C workers each keep one request in flight.
 */

export type LoadRequest = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: Buffer };

export type LoadResult = {
  concurrency: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
};

export type LoadOptions = {
  baseUrl: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  next: () => LoadRequest;
  /** Called with each answered request during the measured window (and after it, for in-flight ones). */
  onAnswer?: (request: LoadRequest, status: number, body: string) => void;
  isOk?: (status: number) => boolean;
  /** Called when the measured window opens and closes (to read CPU counters exactly there). */
  onWindow?: (edge: 'start' | 'end') => void;
};

export function send(agent: http.Agent, baseUrl: URL, request: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: baseUrl.hostname,
        port: baseUrl.port,
        path: request.path,
        method: request.method,
        agent,
        headers: { ...request.headers, ...(request.body ? { 'Content-Length': String(request.body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(request.body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const baseUrl = new URL(options.baseUrl);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
    maxFreeSockets: options.concurrency,
  });
  const isOk = options.isOk ?? ((status: number) => status >= 200 && status < 300);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;

  const edges = new Set<'start' | 'end'>();
  const edge = (which: 'start' | 'end') => {
    if (edges.has(which)) return;
    edges.add(which);
    options.onWindow?.(which);
  };
  const timers = [
    setTimeout(() => edge('start'), options.warmupMs),
    setTimeout(() => edge('end'), options.warmupMs + options.durationMs),
  ];
  const worker = async () => {
    while (performance.now() < stopAt) {
      const request = options.next();
      const begin = performance.now();
      let status = 0;
      try {
        const answer = await send(agent, baseUrl, request);
        status = answer.status;
        options.onAnswer?.(request, answer.status, answer.body);
      } catch {
        status = 0;
      }
      const end = performance.now();
      // Throughput counts the answers that arrive inside the window.
      if (end < measureFrom || end > stopAt) continue;
      latencies.push(end - begin);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (!isOk(status)) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  // The workers can all stop a moment before the closing timer fires: close the window now.
  timers.forEach(clearTimeout);
  edge('start');
  edge('end');
  agent.destroy();
  const seconds = options.durationMs / 1000;
  const stats = summarize(latencies);
  return {
    concurrency: options.concurrency,
    requests: latencies.length,
    errors,
    statuses,
    seconds,
    perSecond: latencies.length / seconds,
    p50: stats.median,
    p99: stats.p99,
    max: stats.max,
  };
}

import http from 'node:http';
import https from 'node:https';

/**
 * A minimal keep-alive HTTP(S) POST on node:http. Cheaper per request than fetch, which
 * matters when the load generator shares two cores with the server it measures.
 */

export type PostResponse = { status: number; body: string };

export type Poster = {
  post: (body: Buffer, headers: Record<string, string>, timeoutMs?: number) => Promise<PostResponse>;
  close: () => void;
};

export function createPoster(url: string, maxSockets: number): Poster {
  const target = new URL(url);
  const isHttps = target.protocol === 'https:';
  const agent = new (isHttps ? https.Agent : http.Agent)({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const request = isHttps ? https.request : http.request;
  return {
    post: (body, headers, timeoutMs = 10_000) =>
      new Promise<PostResponse>((resolve, reject) => {
        const req = request(
          target,
          { method: 'POST', agent, headers: { ...headers, 'Content-Length': String(body.length) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        // Debitura waits 10 s for an answer, then counts a timeout (docs/debitura.md "Delivery").
        req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

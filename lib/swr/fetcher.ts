/** An API error as the client sees it: the HTTP status and the JSON error's message. */
export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** The one SWR fetcher: JSON on 2xx, a FetchError carrying `{error:{code,message}}` otherwise. */
export async function fetcher<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new FetchError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `Request failed (HTTP ${response.status}).`,
    );
  }
  return (await response.json()) as T;
}

/**
 * Signing in the way a browser does, over plain HTTP: fetch next-auth's CSRF token,
 * post the credentials form, keep the cookies. Returns the session cookie header, or
 * the `error` code next-auth put in the redirect URL.
 */
export type HttpSignIn = { cookie: string | null; error: string | null; setCookies: string[] };

export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<HttpSignIn> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrfResponse.headers.getSetCookie());

  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ email, password, csrfToken, json: 'true' }),
  });
  const setCookies = response.headers.getSetCookie();
  const { url } = (await response.json()) as { url: string };
  const error = new URL(url).searchParams.get('error');
  const session = cookiePairs(setCookies).find((pair) => pair.startsWith('next-auth.session-token='));
  return { cookie: error ? null : (session ?? null), error, setCookies };
}

function cookiePairs(setCookies: string[]): string[] {
  return setCookies.map((header) => header.split(';')[0]).filter((pair) => !pair.endsWith('='));
}

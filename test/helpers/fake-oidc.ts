import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * A minimal OpenID Connect provider on loopback for tests: discovery, JWKS, an authorize
 * endpoint that "logs in" whoever `nextLogin` names and redirects straight back, and a
 * token endpoint that checks the client secret and PKCE presence and returns a signed
 * RS256 id_token. Just enough for next-auth's generic OIDC (wellKnown) provider.
 */
export type FakeOidc = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization logs in as. */
  nextLogin: {
    sub: string;
    email?: string;
    name: string;
    /** Default true; null leaves the claim out. */
    emailVerified?: boolean | null;
    preferredUsername?: string;
  };
  close: () => Promise<void>;
};

export async function startFakeOidc(): Promise<FakeOidc> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { login: FakeOidc['nextLogin']; redirectUri: string }>();

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', fake.issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: fake.issuer,
        authorization_endpoint: `${fake.issuer}/authorize`,
        token_endpoint: `${fake.issuer}/token`,
        jwks_uri: `${fake.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const code = randomBytes(16).toString('hex');
      const redirectUri = url.searchParams.get('redirect_uri') ?? '';
      if (url.searchParams.get('client_id') !== fake.clientId || !url.searchParams.get('code_challenge'))
        return json(400, { error: 'invalid_request' });
      codes.set(code, { login: { ...fake.nextLogin }, redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      response.writeHead(302, { location: back.toString() });
      return response.end();
    }
    if (url.pathname === '/token' && request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const form = new URLSearchParams(body);
      const expected = `Basic ${Buffer.from(`${encodeURIComponent(fake.clientId)}:${encodeURIComponent(fake.clientSecret)}`).toString('base64')}`;
      const grant = codes.get(form.get('code') ?? '');
      if (request.headers.authorization !== expected || !grant || !form.get('code_verifier'))
        return json(400, { error: 'invalid_grant' });
      codes.delete(form.get('code')!);
      const { email, name, emailVerified, preferredUsername } = grant.login;
      const idToken = await new SignJWT({
        name,
        ...(email === undefined ? {} : { email }),
        ...(emailVerified === null ? {} : { email_verified: emailVerified ?? true }),
        ...(preferredUsername === undefined ? {} : { preferred_username: preferredUsername }),
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(fake.issuer)
        .setAudience(fake.clientId)
        .setSubject(grant.login.sub)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return json(200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeOidc = {
    issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clientId: 'casedesk-test',
    clientSecret: 'test-client-secret',
    nextLogin: { sub: 'nobody', email: 'nobody@example.test', name: 'Nobody' },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return fake;
}

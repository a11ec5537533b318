import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { recordAudit } from '@/lib/audit/audit';
import { authSecret, isSecureCookies, oidcSettings, SESSION_IDLE_SECONDS } from '@/lib/auth/config';
import { checkCredentials, type SignInUser } from '@/lib/auth/sign-in';
import { findSsoUserBySubject, resolveSsoUser } from '@/lib/auth/sso';

/**
 * next-auth (v4) configuration: email + password, plus single sign-on through any
 * OpenID Connect provider when AUTH_OIDC_* are set. Sessions are JWTs in an HttpOnly,
 * SameSite=Lax cookie (Secure over HTTPS) that end after 8 h without activity; every
 * request re-checks the user in the database (lib/auth/active-user.ts).
 */

// next-auth reads NEXTAUTH_URL itself; AUTH_URL is accepted as its newer name.
if (!process.env.NEXTAUTH_URL && process.env.AUTH_URL) process.env.NEXTAUTH_URL = process.env.AUTH_URL;

export const OIDC_PROVIDER_ID = 'oidc';

type OidcProfile = { sub: string; email?: string; email_verified?: boolean | string; name?: string };

function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const settings = oidcSettings();
  if (!settings) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: 'oauth',
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    // id is the provider's subject: the session is bound to it (lib/auth/sso.ts).
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  return typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : null;
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: 'Email and password',
  credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
  async authorize(input, request) {
    const result = await checkCredentials({
      email: String(input?.email ?? ''),
      password: String(input?.password ?? ''),
      clientAddress: clientAddress(request?.headers),
    });
    // The message becomes `?error=` for the login page (lib/auth/sign-in-errors.ts).
    if (!result.ok) throw new Error(result.error);
    return {
      id: result.user.id,
      email: result.user.email,
      name: result.user.name,
      sessionVersion: result.user.sessionVersion,
    } as User;
  },
});

export function buildAuthOptions(): NextAuthOptions {
  const sso = oidcProvider();
  return {
    secret: authSecret(),
    useSecureCookies: isSecureCookies(),
    providers: sso ? [credentials, sso] : [credentials],
    session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = profile as OidcProfile | undefined;
        const result = await resolveSsoUser({ sub: claims?.sub ?? '', ...claims });
        if (!result.ok) {
          await recordAudit({
            action: 'auth.sign_in_refused',
            targetType: 'email',
            targetId: user.email ?? undefined,
            detail: { reason: result.reason, method: 'oidc' },
          });
          return false;
        }
        const known = result.user;
        await recordAudit({
          actor: { id: known.id, email: known.email },
          action: 'auth.signed_in',
          targetType: 'user',
          targetId: known.id,
          detail: { method: 'oidc' },
        });
        return true;
      },
      async jwt({ token, user, account }) {
        if (!user) return token;
        // At sign-in: the session is bound to the database user and its session version.
        const signedIn: SignInUser | null =
          account?.provider === OIDC_PROVIDER_ID ? await findSsoUserBySubject(user.id) : (user as User & SignInUser);
        if (!signedIn) throw new Error('AccessDenied');
        return { sub: signedIn.id, sv: signedIn.sessionVersion, email: signedIn.email, name: signedIn.name };
      },
      session({ session, token }) {
        session.user = { name: token.name, email: token.email };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sub === 'string' && typeof token.email === 'string') {
          await recordAudit({
            actor: { id: token.sub, email: token.email },
            action: 'auth.signed_out',
            targetType: 'user',
            targetId: token.sub,
          });
        }
      },
    },
  };
}

export const authOptions: NextAuthOptions = buildAuthOptions();

/** For the login page: whether to offer the SSO button. */
export function isSsoEnabled(): boolean {
  return oidcSettings() !== null;
}

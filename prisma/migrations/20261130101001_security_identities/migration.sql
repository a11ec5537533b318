-- Security hardening, part 2: SSO users are matched by the provider's subject, API tokens
-- get an expiry, a scope, and end with the user's sessions.

-- The OpenID Connect `sub` a user was linked to at their first single sign-on (which needed a
-- verified email); later sign-ins match by it, never by a claim the user can change.
ALTER TABLE "users" ADD COLUMN "oidc_subject" TEXT;
CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"("oidc_subject");

-- expires_at: NULL never expires (only tokens made before this migration, or on request).
-- scope: read | read-write; tokens made before keep what they could do.
-- session_version: the user's session version when the token was made; a password reset,
-- disable or role change bumps the user's, which ends the token like a session.
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" TIMESTAMPTZ(3);
ALTER TABLE "api_tokens" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'read-write';
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scope_check" CHECK ("scope" IN ('read', 'read-write'));
ALTER TABLE "api_tokens" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1;
UPDATE "api_tokens" t SET "session_version" = u."session_version" FROM "users" u WHERE u."id" = t."user_id";

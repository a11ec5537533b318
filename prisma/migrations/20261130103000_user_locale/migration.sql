-- The language each user chose on the account page (a code of lib/i18n/locales.ts: en, de, da).
-- NULL follows the browser's Accept-Language. No CHECK: adding a language must not need a
-- migration, and the app ignores a code it does not support.
ALTER TABLE "users" ADD COLUMN "locale" TEXT;

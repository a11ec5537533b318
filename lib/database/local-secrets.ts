import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Secrets for a machine running on the embedded database with no configuration: made
 * once, kept in the git-ignored data folder (mode 600) so sessions and the secrets stored
 * encrypted under AUTH_SECRET (lib/debitura/encryption.ts) survive restarts. Production sets
 * AUTH_SECRET itself.
 */
export type LocalSecrets = { authSecret: string };

export async function loadLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = { authSecret: randomBytes(32).toString('base64url') };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Where a case opens in Debitura's Partner Portal, for what has no API (declining a new case,
 * asking for more information, pausing). The portal's address is configurable
 * (DEBITURA_PORTAL_URL) because Debitura does not document the case link; the default is an
 * assumption to check against the portal.
 */
const DEFAULT_PORTAL_URL = 'https://portal.debitura.com';

export function portalCaseUrl(debituraCaseId: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const base = (env.DEBITURA_PORTAL_URL?.trim() || DEFAULT_PORTAL_URL).replace(/\/+$/, '');
  return debituraCaseId ? `${base}/cases/${encodeURIComponent(debituraCaseId)}` : base;
}

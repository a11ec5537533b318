/**
 * The agency's time zone (CASEDESK_TIMEZONE, an IANA name such as `Europe/Copenhagen`):
 * dates and times on every page and in emails are shown in it, whoever reads them, so a
 * deadline reads the same for the whole team. Default UTC.
 */
export function agencyTimeZone(env: Partial<Record<string, string>> = process.env): string {
  const configured = env.CASEDESK_TIMEZONE?.trim();
  if (!configured) return 'UTC';
  if (!isTimeZone(configured)) {
    throw new Error(`CASEDESK_TIMEZONE is not a known time zone: ${JSON.stringify(configured)} (e.g. Europe/Berlin)`);
  }
  return configured;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

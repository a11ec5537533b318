import { getFormatter, getTranslations } from 'next-intl/server';
import { listLockouts } from '@/lib/auth/lockouts';
import { unlockAction } from '@/lib/security/lockout-actions';

/** The admin overview's section of sign-in locks in force now, each with Unlock. */
export async function LockoutList() {
  const [t, format, lockouts] = await Promise.all([getTranslations('security'), getFormatter(), listLockouts()]);
  return (
    <section aria-labelledby="lockouts-heading" className="space-y-2" data-testid="lockouts">
      <h2 id="lockouts-heading" className="text-lg font-semibold">
        {t('lockouts.heading')}
      </h2>
      {!lockouts.length ? (
        <p className="text-sm text-slate-600">{t('lockouts.none')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
          {lockouts.map((lockout) => {
            const who = lockout.kind === 'address' ? lockout.key.slice('ip:'.length) : lockout.key;
            const label =
              lockout.kind === 'global' ? t('lockouts.kind.global') : `${t(`lockouts.kind.${lockout.kind}`)}: ${who}`;
            return (
              <li
                key={`${lockout.kind}:${lockout.key}`}
                className="flex flex-wrap items-center gap-3 px-3 py-2 text-sm"
              >
                <span className="font-medium">{label}</span>
                <span className="text-slate-600">
                  {t('lockouts.until', {
                    time: format.dateTime(lockout.lockedUntil, { timeStyle: 'short' }),
                    failures: lockout.failures,
                  })}
                </span>
                <form action={unlockAction} className="ml-auto">
                  <input type="hidden" name="kind" value={lockout.kind} />
                  <input type="hidden" name="key" value={lockout.key} />
                  <button
                    type="submit"
                    aria-label={t('lockouts.unlockLabel', { who: label })}
                    className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-slate-900"
                  >
                    {t('lockouts.unlock')}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

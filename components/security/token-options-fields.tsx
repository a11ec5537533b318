import { useTranslations } from 'next-intl';
import { DEFAULT_TOKEN_DAYS, TOKEN_EXPIRY_CHOICES, TOKEN_SCOPES } from '@/lib/auth/token-choices';

type Props = {
  /** Keeps ids unique when two token forms could share a page. */
  idPrefix: string;
  labelClassName: string;
  selectClassName: string;
  defaultScope?: string;
  defaultDays?: string;
};

/** A new token's scope (read only, or read and write) and lifetime, for both token forms. */
export function TokenOptionsFields({ idPrefix, labelClassName, selectClassName, defaultScope, defaultDays }: Props) {
  const t = useTranslations('security.tokens');
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-scope`} className={labelClassName}>
          {t('form.scope')}
        </label>
        <select
          id={`${idPrefix}-scope`}
          name="scope"
          defaultValue={defaultScope ?? 'read'}
          aria-describedby={`${idPrefix}-scope-hint`}
          className={selectClassName}
        >
          {TOKEN_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {t(`scope.${scope}`)}
            </option>
          ))}
        </select>
        <p id={`${idPrefix}-scope-hint`} className="text-xs text-slate-600">
          {t('form.scopeHint')}
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-expiry`} className={labelClassName}>
          {t('form.expiry')}
        </label>
        <select
          id={`${idPrefix}-expiry`}
          name="expiresInDays"
          defaultValue={defaultDays ?? String(DEFAULT_TOKEN_DAYS)}
          className={selectClassName}
        >
          {TOKEN_EXPIRY_CHOICES.map((days) => (
            <option key={days} value={days}>
              {t('form.days', { count: days })}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

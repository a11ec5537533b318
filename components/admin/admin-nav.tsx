'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** Each link's text is `admin.nav.<labelKey>`. */
const ITEMS = [
  { href: '/admin', labelKey: 'overview' },
  { href: '/admin/deliveries', labelKey: 'deliveries' },
  { href: '/admin/rejected', labelKey: 'rejected' },
  { href: '/admin/outbox', labelKey: 'outbox' },
  { href: '/admin/users', labelKey: 'users' },
  { href: '/admin/tokens', labelKey: 'tokens' },
  { href: '/admin/audit', labelKey: 'audit' },
  { href: '/admin/debitura', labelKey: 'debitura' },
] as const;

const LINK = 'block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2';
const ACTIVE = 'border-slate-900 text-slate-900';
const INACTIVE = 'border-transparent text-slate-600 hover:text-slate-900';

export function AdminNav() {
  const pathname = usePathname();
  const t = useTranslations('admin.nav');
  return (
    <nav aria-label={t('label')} className="overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1">
        {ITEMS.map((item) => {
          const isActive =
            item.href === '/admin'
              ? pathname === '/admin'
              : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isActive ? 'page' : undefined}
                className={`-mb-px ${LINK} focus-visible:outline-slate-900 ${isActive ? ACTIVE : INACTIVE}`}
              >
                {t(item.labelKey)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

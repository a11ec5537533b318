'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const t = useTranslations('shell');
  const [isPending, setIsPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={isPending}
      onClick={() => {
        setIsPending(true);
        void signOut({ callbackUrl: '/login' });
      }}
    >
      {isPending ? t('signingOut') : t('signOut')}
    </Button>
  );
}

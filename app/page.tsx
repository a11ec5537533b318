import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';

/** Home: collectors start the day on their queue; managers and admins on the case list. */
export default async function Home() {
  const user = await getSessionUser();
  redirect(user && !can(user, 'cases:read-all') ? '/queue' : '/cases');
}

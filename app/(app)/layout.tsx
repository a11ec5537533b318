import { AppShell } from '@/components/shell/app-shell';
import { requireSessionUser } from '@/lib/auth/session';

/** The signed-in app: every page below needs a session (and checks its own permission). */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser();
  return <AppShell user={user}>{children}</AppShell>;
}

import Link from 'next/link';

export const metadata = { title: 'Not allowed' };

/** Rendered with HTTP 403 by forbidden() (see requirePermission in lib/auth/session.ts). */
export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Error 403</p>
      <h1 className="text-2xl font-semibold">You don’t have access to this page</h1>
      <p className="text-slate-600">Your role does not allow it. Ask an admin if you think it should.</p>
      <Link
        href="/cases"
        className="rounded-md bg-slate-900 px-4 py-2 text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
      >
        Back to cases
      </Link>
    </main>
  );
}

import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';

/** Managers: whose queue to see (a collector, or the whole team). A plain GET form, so it works without script. */
export async function QueueSubjectPicker({
  people,
  selected,
}: {
  people: { email: string; name: string }[];
  selected: string | null;
}) {
  const t = await getTranslations('queue.subject');
  return (
    <form method="get" className="flex items-end gap-2">
      <div>
        <label htmlFor="queue-user" className="block text-xs font-medium text-slate-700">
          {t('label')}
        </label>
        <select
          id="queue-user"
          name="user"
          defaultValue={selected ?? ''}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          <option value="">{t('team')}</option>
          {people.map((person) => (
            <option key={person.email} value={person.email}>
              {person.name || person.email}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" size="sm" variant="secondary">
        {t('show')}
      </Button>
    </form>
  );
}

import { CaseTableSkeleton, TabsSkeleton } from '@/components/cases/list-sections';
import { Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div className="space-y-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-10 w-full" />
      <TabsSkeleton />
      <CaseTableSkeleton />
    </div>
  );
}

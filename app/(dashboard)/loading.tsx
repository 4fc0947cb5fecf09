import { FiguresSkeleton, Skeleton } from "@/components/ui/skeleton";

// Shown at once while a page of the dashboard renders on the server; pages with their own
// boundaries (the queue, the metrics) replace parts of it as they arrive.
export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <FiguresSkeleton label="the page" />
    </div>
  );
}

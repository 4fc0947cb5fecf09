import { TableSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <TableSkeleton label="the webhooks and their delivery log" rows={10} />;
}

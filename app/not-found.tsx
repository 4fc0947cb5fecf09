import { IntentLink } from "@/components/ui/intent-link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-muted">There is nothing at this address. It may have been renamed or removed.</p>
      <IntentLink href="/overview" className="mt-6 inline-block text-accent underline">
        Back to the overview
      </IntentLink>
    </main>
  );
}

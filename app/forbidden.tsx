import { IntentLink } from "@/components/ui/intent-link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-2xl font-semibold">You don’t have access to this page</h1>
      <p className="mt-3 text-muted">Your role does not allow it. Ask an admin if you need access.</p>
      <IntentLink href="/overview" className="mt-6 inline-block text-accent underline">
        Back to the overview
      </IntentLink>
    </main>
  );
}

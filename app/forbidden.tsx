import { IntentLink } from "@/components/ui/intent-link";

// Shown inside the app's frame, whose <main> already holds it: a section, not a second main.
export default function Forbidden() {
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto max-w-lg p-10">
      <h1 id="forbidden-title" className="text-2xl font-semibold">
        You don’t have access to this page
      </h1>
      <p className="mt-3 text-muted">Your role does not allow it. Ask an admin if you need access.</p>
      <IntentLink href="/overview" className="mt-6 inline-block text-accent underline">
        Back to the overview
      </IntentLink>
    </section>
  );
}

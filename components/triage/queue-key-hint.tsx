// The queue's keys, named beside its filters (x, select, only for those who may select rows).
export function QueueKeyHint({ canSelect }: { canSelect: boolean }) {
  return (
    <p className="ml-auto text-xs text-muted" aria-hidden>
      <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> assign to me · <kbd>o</kbd> log outreach · <kbd>s</kbd> snooze ·{" "}
      <kbd>Enter</kbd> open
      {canSelect ? (
        <>
          {" "}
          · <kbd>x</kbd> select
        </>
      ) : null}
    </p>
  );
}

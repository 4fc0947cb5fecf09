"use client";
// Admin → Users: reset a user's password. Asks first (their sessions end), then shows the one-time
// password once: the user must choose their own at the next sign-in.
import { useState, useTransition } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Modal } from "@/components/ui/modal";
import { resetPasswordAction } from "@/lib/actions/users/reset-password";

export function ResetPasswordDialog({
  user,
  onClose,
}: {
  user: { id: string; email: string; name: string } | null;
  onClose: () => void;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);

  function close() {
    setError(null);
    setPassword(null);
    onClose();
  }

  function reset(userId: string) {
    start(async () => {
      setError(null);
      const result = await resetPasswordAction({ userId });
      if (result.ok) setPassword(result.data.password);
      else setError(result.error);
    });
  }

  return (
    <Modal open={user !== null} onClose={close} labelledBy="reset-password-title">
      {user && (
        <div className="space-y-4 p-6 text-sm">
          <h2 id="reset-password-title" className="text-lg font-semibold">
            Reset the password of {user.email}?
          </h2>
          {password === null ? (
            <>
              <p>
                {user.name} gets a one-time password, shown here once. Every session they have ends now, and at their
                next sign-in they must choose a new password before anything else opens.
              </p>
              {error && (
                <p role="alert" className="rounded-md bg-bad-soft px-3 py-2 text-bad">
                  {error}
                </p>
              )}
              <div className="flex justify-end gap-2">
                <button type="button" onClick={close} className="rounded-md border border-line px-3 py-1.5">
                  Cancel
                </button>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => reset(user.id)}
                  className="rounded-md bg-accent px-3 py-1.5 text-accent-ink disabled:opacity-60"
                >
                  Reset password
                </button>
              </div>
            </>
          ) : (
            <>
              <div role="status" className="rounded-xl border border-good-line bg-good-soft p-4">
                <p>
                  {user.email} can sign in once with this password, then must choose their own. It is shown only now:
                  hand it over safely.
                </p>
                <p className="mt-2 font-mono text-base" data-testid="reset-password-value">
                  {password}
                </p>
              </div>
              <div className="flex justify-end gap-2">
                <CopyButton text={password} label="Copy" />
                <button type="button" onClick={close} className="rounded-md bg-accent px-3 py-1.5 text-accent-ink">
                  Done
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </Modal>
  );
}

"use client";
// The signed-in user's own password: the current one, the new one twice. After a forced change
// (a one-time password) it goes on to the overview; otherwise it says what happened.
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { PASSWORD_MIN } from "@/lib/validation/users";

const input = "mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2";
const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
type Field = (typeof FIELDS)[number];

export function ChangePasswordForm({ email, forced }: { email: string; forced: boolean }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ text: string; field?: Field } | null>(null);
  const [done, setDone] = useState(false);

  function submit(data: FormData) {
    start(async () => {
      setError(null);
      setDone(false);
      const result = await changePasswordAction({
        currentPassword: data.get("currentPassword"),
        newPassword: data.get("newPassword"),
        confirmPassword: data.get("confirmPassword"),
      });
      if (!result.ok) {
        // The schema's messages start with the field's name; the form shows them beside the fields.
        setError({ text: result.error.replace(/^\w+: /, ""), field: FIELDS.find((f) => f === result.field) });
        return;
      }
      if (!result.data.signedIn) {
        router.replace("/sign-in");
        return;
      }
      if (forced) {
        router.replace("/overview");
        return;
      }
      form.current?.reset();
      setDone(true);
      router.refresh();
    });
  }

  const describe = (field: Field) => (error?.field === field ? "password-error" : undefined);
  return (
    <form
      ref={form}
      action={submit}
      noValidate
      className="max-w-md space-y-4 rounded-xl border border-line bg-surface p-6"
    >
      {/* For password managers: whose password this is. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <PasswordField
        name="currentPassword"
        label="Current password"
        autoComplete="current-password"
        invalid={error?.field === "currentPassword"}
        describedBy={describe("currentPassword")}
      />
      <PasswordField
        name="newPassword"
        label="New password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        invalid={error?.field === "newPassword"}
        describedBy={describe("newPassword") ?? "password-rule"}
      />
      <p id="password-rule" className="-mt-2 text-xs text-muted">
        At least {PASSWORD_MIN} characters.
      </p>
      <PasswordField
        name="confirmPassword"
        label="New password again"
        autoComplete="new-password"
        invalid={error?.field === "confirmPassword"}
        describedBy={describe("confirmPassword")}
      />
      {error && (
        <p id="password-error" role="alert" className="rounded-md bg-bad-soft px-3 py-2 text-sm text-bad">
          {error.text}
        </p>
      )}
      {done && (
        <p role="status" className="rounded-md bg-good-soft px-3 py-2 text-sm text-good">
          Your password is changed. Every other session has ended; this browser stays signed in.
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-accent px-3 py-2 text-sm font-medium text-accent-ink disabled:opacity-60"
      >
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

function PasswordField(props: {
  name: Field;
  label: string;
  autoComplete: "current-password" | "new-password";
  minLength?: number;
  invalid: boolean;
  describedBy: string | undefined;
}) {
  return (
    <label className="block text-sm font-medium">
      {props.label}
      <input
        name={props.name}
        type="password"
        autoComplete={props.autoComplete}
        required
        minLength={props.minLength}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        className={input}
      />
    </label>
  );
}

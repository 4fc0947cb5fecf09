import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { PASSWORD_MIN } from "@/lib/validation/users";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  // The one page a pending one-time password opens.
  const user = await requireUser("cs", { pendingPasswordChange: "allow" });
  return (
    <>
      <PageHeader
        title="Change your password"
        description={`At least ${PASSWORD_MIN} characters; a few unrelated words make a strong one. Changing it signs you out everywhere else, and this browser stays signed in.`}
      />
      {user.mustChangePassword && (
        <p
          className="mb-6 max-w-md rounded-xl border border-warn-line bg-warn-soft p-4 text-sm"
          data-testid="must-change"
        >
          You signed in with a one-time password. Choose your own password to continue: until then, no other page opens.
        </p>
      )}
      <ChangePasswordForm email={user.email} forced={user.mustChangePassword} />
    </>
  );
}

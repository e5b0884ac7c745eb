import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { buttonClassName } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { requirePageUser } from "@/server/auth/page-guards";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <div>
      <h1>Your account</h1>
      <p>
        {user.name} · {user.email} · {user.role.toLowerCase()}
      </p>
      <h2>Your data</h2>
      <p>Your profile, teams, every attempt and answer, and your review schedule, as one file.</p>
      <p>
        <a className={buttonClassName({})} href="/api/me/export" download>
          <Icon name="download" /> Download all my data (JSON)
        </a>
      </p>
      <h2>Change password</h2>
      <p>Changing your password ends every session, on every device; you then sign in again.</p>
      <ChangePasswordForm />
    </div>
  );
}

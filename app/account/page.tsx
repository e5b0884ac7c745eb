import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { buttonClassName } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { RECENT_SIGN_IN_MINUTES } from "@/server/account/delete-own-account";
import { requirePageUser } from "@/server/auth/page-guards";
import { passwordManagedElsewhere } from "@/server/auth/sso/password-managed-elsewhere";
import { ssoSettings } from "@/server/auth/sso/sso-settings";
import { getDb } from "@/server/db/client";
import { DigestSetting } from "./digest-setting";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const idpName = ssoSettings().client?.name ?? "your organisation's single sign-on";
  const passwordElsewhere = await passwordManagedElsewhere(getDb(), user.id);
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
      <DigestSetting userId={user.id} />
      {passwordElsewhere ? (
        <>
          <h2>Password</h2>
          <p>You sign in with {idpName}, which manages your password: change it there.</p>
        </>
      ) : (
        <>
          <h2>Change password</h2>
          <p>Changing your password ends every session, on every device; you then sign in again.</p>
          <ChangePasswordForm />
        </>
      )}
      <h2>Delete my account</h2>
      <p>
        Your account is deleted at once: you are signed out on every device and cannot sign in
        again. Download your data first if you want to keep it.
      </p>
      <DeleteAccountForm
        needsPassword={!passwordElsewhere}
        recentMinutes={RECENT_SIGN_IN_MINUTES}
        idpName={idpName}
      />
      <h3>What we keep, and why</h3>
      <ul>
        <li>
          <strong>Erased:</strong> your name, email, password, single sign-on links, team
          memberships, lesson progress and mastery, due-date extensions, and the comments you wrote
          on reported questions.
        </li>
        <li>
          <strong>Kept without your name:</strong> your answers to questions, and the per-question
          counts built from them. They belong to an anonymous account that no one can sign in to, so
          that statistics about each question (how many get it right, which wrong answer is common)
          stay right for everyone else.
        </li>
        <li>
          <strong>Kept in the audit trail:</strong> that an account was deleted, when, and by whom,
          by account ids only: an organisation must be able to show what happened to accounts.
        </li>
        <li>
          <strong>Kept without your name:</strong> the problems you reported with questions, so that
          they can still be fixed.
        </li>
      </ul>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <div>
      <h1>Choose a new password</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="form-intro">
            Setting it ends every session of your account, on every device.
          </p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p role="status">
          This page needs the link from your reset email.{" "}
          <Link href="/forgot-password">Ask for a reset link</Link>
        </p>
      )}
    </div>
  );
}

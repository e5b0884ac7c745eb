import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  return (
    <div>
      <h1>Sign in</h1>
      <p className="form-intro">Welcome back: your scores and reviews are where you left them.</p>
      <SignInForm callbackUrl={callbackUrl} notice={error ? "Please sign in again." : undefined} />
    </div>
  );
}

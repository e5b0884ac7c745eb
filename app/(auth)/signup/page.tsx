import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <div>
      <h1>Create an account</h1>
      <p className="form-intro">
        Free. It keeps your quiz scores and your review schedule, and lets you join a team.
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}

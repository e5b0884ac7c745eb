import type { Metadata } from "next";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <div>
      <h1>Sign out</h1>
      <p>Signing out ends your session on every device.</p>
      <SignOutButton />
    </div>
  );
}

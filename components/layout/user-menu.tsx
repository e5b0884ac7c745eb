"use client";

import Link from "next/link";
import { Icon } from "@/components/ui/icons";
import { useSessionUser } from "./use-session-user";

export function UserMenu() {
  const session = useSessionUser();
  if (session.status === "loading") return <span className="user-menu" aria-hidden="true" />;
  if (session.status === "anonymous") {
    return (
      <span className="user-menu">
        <Link href="/signin">Sign in</Link>
      </span>
    );
  }
  return (
    <span className="user-menu">
      <Link href="/account" className="user-name">
        <Icon name="person" />
        <span className="user-name-text">{session.user.name}</span>
      </Link>
      {session.user.role === "ADMIN" ? <Link href="/admin/users">Admin</Link> : null}
      <Link href="/signout">Sign out</Link>
    </span>
  );
}

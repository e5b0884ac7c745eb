import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";

/** Every admin page, under the admin area's navigation; each page checks the role itself. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}

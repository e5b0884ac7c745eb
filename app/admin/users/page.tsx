import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { ROLES } from "@/lib/validation/teams";
import { listUsers } from "@/server/admin/change-role";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db/client";
import { changeRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/users");
  if (user.role !== "ADMIN") {
    return (
      <div>
        <h1>Admins only</h1>
        <p>You need the admin role to manage users.</p>
      </div>
    );
  }
  const users = await listUsers(getDb(), user);
  return (
    <div>
      <h1>Users</h1>
      <p>A role change applies on the user&apos;s next request.</p>
      <DataTable columns={["Name", "Email", "Role"]}>
        {users.map((u) => (
          <tr key={u.id}>
            <th scope="row">{u.name}</th>
            <td>{u.email}</td>
            <td>
              <ActionForm action={changeRoleAction} submitLabel="Save" className="inline-form">
                <input type="hidden" name="userId" value={u.id} />
                <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                  Role of {u.email}
                </label>
                <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role.charAt(0) + role.slice(1).toLowerCase()}
                    </option>
                  ))}
                </select>
              </ActionForm>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

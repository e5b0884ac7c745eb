import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { ROLES } from "@/lib/contracts/session";
import { listUsers } from "@/server/admin/change-role";
import { requirePageRole } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { changeRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const user = await requirePageRole("/admin/users", "ADMIN");
  const users = await listUsers(getDb(), user);
  return (
    <div>
      <h1>Users</h1>
      <p>A role change applies on the user&apos;s next request.</p>
      <DataTable columns={["Name", "Email", "Role"]} layout="cards">
        {users.map((u) => (
          <tr key={u.id}>
            <th scope="row">{u.name}</th>
            <td data-label="Email">{u.email}</td>
            <td data-label="Role">
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

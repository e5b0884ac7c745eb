import type { Metadata } from "next";
import { ResetLinkButton } from "@/components/admin/reset-link-button";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { ROLES } from "@/lib/contracts/session";
import { LocalTime } from "@/components/ui/local-time";
import { listBlockedIdentities, ssoLinkedUserIds } from "@/server/admin/blocked-identities";
import { listUsers } from "@/server/admin/change-role";
import { credentialsEnabled } from "@/server/auth/sso/sso-settings";
import { requirePageRole } from "@/server/auth/page-guards";
import { getDb } from "@/server/db/client";
import { changeRoleAction, deleteUserAction, unblockIdentityAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ deleted?: string | string[]; unblocked?: string | string[] }>;
}) {
  const user = await requirePageRole("/admin/users", "ADMIN");
  const users = await listUsers(getDb(), user);
  const linked = await ssoLinkedUserIds(getDb(), user);
  const blocked = await listBlockedIdentities(getDb(), user);
  // A reset link sets a password: none to set when sign-in is through SSO only.
  const passwords = credentialsEnabled();
  // Set by deleteUserAction, whose form leaves the page with the deleted account's row.
  const { deleted: deletedFlag, unblocked: unblockedFlag } = await searchParams;
  const deleted = deletedFlag === "1";
  // Set by unblockIdentityAction, whose form leaves the page with the block's row.
  const unblocked = unblockedFlag === "1";
  return (
    <div>
      <h1>Users</h1>
      {deleted ? (
        <p className="callout" role="status">
          The account is deleted: its personal data is erased and its sessions have ended.
        </p>
      ) : null}
      {unblocked ? (
        <p className="callout" role="status">
          The block is lifted: their next sign-in makes a new account.
        </p>
      ) : null}
      <p>
        A role change applies on the user&apos;s next request. Deleting an account erases its
        personal data and ends its sessions; its answers stay, without a name, in the question
        statistics.
      </p>
      {passwords ? (
        <p>
          A reset link lets a user who cannot reset by email choose a new password; it is shown once
          and works once, for 30 minutes.
        </p>
      ) : null}
      <DataTable
        columns={["Name", "Email", "Role", ...(passwords ? ["Password"] : []), "Account"]}
        layout="cards"
      >
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
            {passwords ? (
              <td data-label="Password">
                <ResetLinkButton userId={u.id} email={u.email} />
              </td>
            ) : null}
            <td data-label="Account">
              {/* One's own account is deleted from /account, which explains what is kept. */}
              {u.id === user.id ? (
                "You"
              ) : (
                <ActionForm
                  action={deleteUserAction}
                  submitLabel={
                    <>
                      Delete<span className="visually-hidden"> {u.email}</span>
                    </>
                  }
                  pendingLabel="Deleting…"
                  variant="danger"
                  className="inline-form"
                  confirm={`Delete the account of ${u.name} (${u.email})? Its personal data is erased and this cannot be undone.`}
                >
                  <input type="hidden" name="userId" value={u.id} />
                  {/* Deleting here does not remove them from the IdP: unblocked, their next sign-in
                      there would make a new, empty account. */}
                  {linked.has(u.id) ? (
                    <label className="practice-check">
                      <input type="checkbox" name="blockSso" defaultChecked /> Also block their
                      single sign-on identity
                      <span className="visually-hidden"> ({u.email})</span>
                    </label>
                  ) : null}
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>Blocked sign-in identities</h2>
      <p>
        Deleting an account does not remove the person from the identity provider. A blocked
        identity is refused at sign-in instead of getting a new, empty account; lifting the block
        lets its next sign-in make one.
      </p>
      {blocked.length === 0 ? (
        <p>No identity is blocked.</p>
      ) : (
        <DataTable columns={["Identity", "Blocked", "Block"]} layout="cards">
          {blocked.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                <code>{b.subject}</code> ({b.provider})
              </th>
              <td data-label="Blocked">
                <LocalTime iso={b.createdAt} />
              </td>
              <td data-label="Block">
                <ActionForm
                  action={unblockIdentityAction}
                  submitLabel={
                    <>
                      Lift block<span className="visually-hidden"> on {b.subject}</span>
                    </>
                  }
                  pendingLabel="Lifting…"
                  className="inline-form"
                >
                  <input type="hidden" name="id" value={b.id} />
                </ActionForm>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

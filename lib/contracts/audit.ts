/**
 * The actions the audit trail records. Dotted, subject first; `GET /api/admin/audit?action=` takes
 * one of these.
 */
export const AUDIT_ACTIONS = [
  "role.change",
  "team.create",
  "team.delete",
  "team.member.add",
  "team.member.remove",
  "team.invite.rotate",
  "export.create",
  "auth.lockout",
  "auth.signin",
  "auth.signin.fail",
  "password.change",
  "password.reset.request",
  "password.reset",
  "password.reset_link.create",
  "email.verify",
  "sso.link",
  "identity.block",
  "identity.unblock",
  "account.reclaim",
  "account.create",
  "account.delete",
  "assignment.create",
  "assignment.update",
  "assignment.delete",
  "assignment.extension.set",
  "assignment.extension.remove",
  "report.resolve",
  "report.reopen",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about. */
export const AUDIT_TARGET_TYPES = [
  "user",
  "team",
  "assignment",
  "audit",
  "report",
  "identity",
] as const;

export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** One entry of `GET /api/admin/audit`. */
export interface AuditEntryRecord {
  id: string;
  /** ISO 8601. */
  at: string;
  /** Null when the system acted: the retention job, the sign-in throttle. */
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  address: string | null;
  details: Record<string, unknown>;
}

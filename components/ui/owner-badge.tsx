import type { Owner } from "@/lib/content/types";

export const OWNER_LABELS: Record<Owner, string> = {
  AWS: "AWS",
  CUSTOMER: "Customer",
  SHARED: "Shared",
};
const OWNER_ICONS: Record<Owner, string> = { AWS: "☁", CUSTOMER: "👤", SHARED: "⇄" };

/** Owner shown as icon plus text, never by colour alone. */
export function OwnerBadge({ owner }: { owner: Owner }) {
  return (
    <span className={`owner-badge owner-${owner.toLowerCase()}`}>
      <span aria-hidden="true">{OWNER_ICONS[owner]}</span> {OWNER_LABELS[owner]}
    </span>
  );
}

import type { Owner } from "@/lib/content/types";
import { Icon, type IconName } from "@/components/ui/icons";

export const OWNER_LABELS: Record<Owner, string> = {
  AWS: "AWS",
  CUSTOMER: "Customer",
  SHARED: "Shared",
};
export const OWNER_ICONS: Record<Owner, IconName> = {
  AWS: "cloud",
  CUSTOMER: "person",
  SHARED: "shared",
};

/** Owner shown as icon plus text, never by colour alone. */
export function OwnerBadge({ owner }: { owner: Owner }) {
  return (
    <span className={`owner-badge owner-${owner.toLowerCase()}`}>
      <Icon name={OWNER_ICONS[owner]} /> {OWNER_LABELS[owner]}
    </span>
  );
}

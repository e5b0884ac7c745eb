import { Icon, type IconName } from "@/components/ui/icons";
import type { AssignmentStatus } from "@/lib/contracts/assignments";
import { STATUS_LABELS } from "@/lib/assignments/assignment-form";

const ICONS: Record<AssignmentStatus, IconName> = {
  not_started: "circle",
  in_progress: "clock",
  done: "check",
  overdue: "flag",
};

/** An assignment's status as an icon and its name: the words carry it, the colour only helps. */
export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  return (
    <span className={`assignment-status assignment-${status.replace("_", "-")}`}>
      <Icon name={ICONS[status]} /> {STATUS_LABELS[status]}
    </span>
  );
}

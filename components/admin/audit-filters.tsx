import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { AUDIT_ACTIONS } from "@/lib/contracts/audit";
import type { FieldErrors } from "@/lib/contracts/errors";

type Values = { action?: string; actor?: string; from?: string; to?: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The audit page's filters: a GET form, so that the URL holds them (a filtered view can be
 * bookmarked or sent to a colleague) and the CSV link takes the same query.
 */
export function AuditFilters({
  values,
  actors,
  errors,
}: {
  values: Values;
  actors: Array<{ id: string; name: string }>;
  errors?: FieldErrors;
}) {
  const describe = (name: keyof Values) => (errors?.[name] ? `${name}-error` : undefined);
  return (
    <form method="get" className="audit-filters" aria-label="Filter the audit trail">
      <div className="field">
        <label htmlFor="audit-action">What</label>
        <select
          id="audit-action"
          name="action"
          defaultValue={values.action ?? ""}
          aria-describedby={describe("action")}
          aria-invalid={errors?.action ? true : undefined}
        >
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
        <FieldError id="action-error" messages={errors?.action} />
      </div>
      <div className="field">
        <label htmlFor="audit-actor">Who</label>
        <select
          id="audit-actor"
          name="actor"
          defaultValue={values.actor ?? ""}
          aria-describedby={describe("actor")}
          aria-invalid={errors?.actor ? true : undefined}
        >
          <option value="">Anyone</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
          {values.actor && !actors.some((a) => a.id === values.actor) ? (
            <option value={values.actor}>{values.actor}</option>
          ) : null}
        </select>
        <FieldError id="actor-error" messages={errors?.actor} />
      </div>
      <div className="field">
        <label htmlFor="audit-from">From (UTC day)</label>
        <input
          id="audit-from"
          name="from"
          type="date"
          defaultValue={values.from && DAY.test(values.from) ? values.from : ""}
          aria-describedby={describe("from")}
          aria-invalid={errors?.from ? true : undefined}
        />
        <FieldError id="from-error" messages={errors?.from} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">To (UTC day)</label>
        <input
          id="audit-to"
          name="to"
          type="date"
          defaultValue={values.to && DAY.test(values.to) ? values.to : ""}
          aria-describedby={describe("to")}
          aria-invalid={errors?.to ? true : undefined}
        />
        <FieldError id="to-error" messages={errors?.to} />
      </div>
      <div className="audit-filter-buttons">
        <Button type="submit" variant="primary">
          Filter
        </Button>
        <Link href="/admin/audit">Clear filters</Link>
      </div>
    </form>
  );
}

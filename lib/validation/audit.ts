import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/contracts/audit";
import { idSchema } from "./common";

// A GET form sends every field, the empty ones as "": an empty filter means no filter.
const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day ("2026-11-28", read in UTC) or an ISO 8601 instant with its offset. A day as `to` means up
 * to the end of that day, so that from=to=one day shows that day.
 */
function auditDate(label: string, endOfDay: boolean) {
  return z
    .string()
    .trim()
    .refine(
      (text) =>
        z.iso.date().safeParse(text).success ||
        z.iso.datetime({ offset: true }).safeParse(text).success,
      `${label} must be a date like 2026-11-28 or an ISO 8601 time like 2026-11-28T09:00:00Z`,
    )
    .transform((text) => {
      const at = new Date(text);
      return endOfDay && DATE_ONLY.test(text) ? new Date(at.getTime() + 86_400_000 - 1) : at;
    });
}

/** The query of `GET /api/admin/audit` and `/api/admin/audit.csv`, and of the /admin/audit form. */
export const auditFilterSchema = z
  .object({
    action: optional(
      z.enum(AUDIT_ACTIONS, { error: `Action must be one of ${AUDIT_ACTIONS.join(", ")}` }),
    ),
    actor: optional(idSchema),
    from: optional(auditDate("From", false)),
    to: optional(auditDate("To", true)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "From must not be after To",
    path: ["to"],
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The filters a URL query holds, as the schema reads them (the first value of each). */
export function auditFilterInput(query: URLSearchParams): Record<string, string | undefined> {
  const input: Record<string, string | undefined> = {};
  for (const key of ["action", "actor", "from", "to"]) input[key] = query.get(key) ?? undefined;
  return input;
}

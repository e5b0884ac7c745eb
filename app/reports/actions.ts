"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/lib/contracts/action-state";
import { idSchema } from "@/lib/validation/common";
import { resolveReportSchema } from "@/lib/validation/reports";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { formFields, parseForm, runAction } from "@/server/http/action";
import { resolveReport } from "@/server/reports/resolve-report";

// resolveReport checks the user's rights itself: an action is a public endpoint.

const reportFormSchema = z.strictObject({
  reportId: idSchema,
  resolved: z.enum(["true", "false"], { error: "Resolved must be true or false" }),
  resolution: z.string().nullable(),
});

/** Resolves a report with a note, or reopens it, from the dashboard's or the admin's list. */
export async function resolveReportAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const fields = parseForm(
      reportFormSchema,
      formFields(form, "reportId", "resolved", "resolution"),
    );
    // An empty note is a missing one: resolveReport then asks for it by name.
    const input = parseForm(resolveReportSchema, {
      resolved: fields.resolved === "true",
      ...(fields.resolution?.trim() ? { resolution: fields.resolution } : {}),
    });
    const report = await resolveReport(getDb(), user, fields.reportId, input, { address: await currentRequestAddress() });
    revalidatePath("/teams/[id]", "page");
    revalidatePath("/admin/reports");
    return report.resolvedAt
      ? `Resolved the report on ${report.label}.`
      : `Reopened the report on ${report.label}.`;
  });
}

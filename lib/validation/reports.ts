import { z } from "zod";
import { REPORT_REASONS } from "@/lib/contracts/reports";
import { idSchema, plainText } from "./common";

/** `POST /api/items/<itemId>/reports`. */
export const createReportSchema = z
  .strictObject({
    reason: z.enum(REPORT_REASONS, { error: `Reason must be one of ${REPORT_REASONS.join(", ")}` }),
    comment: plainText("Comment", 1000).optional(),
    /** The attempt the learner saw the item in, so the report names the wording they read. */
    attemptId: idSchema.optional(),
  })
  .refine((report) => report.reason !== "other" || report.comment !== undefined, {
    path: ["comment"],
    message: "Say what is wrong with it",
  });

/** `PATCH /api/reports/<rid>`: resolve with a note, or reopen with `resolved: false`. */
export const resolveReportSchema = z.strictObject({
  resolved: z.boolean({ error: "Resolved must be true or false" }),
  resolution: plainText("Resolution note", 1000).optional(),
});

export type CreateReportInput = z.infer<typeof createReportSchema>;
export type ResolveReportInput = z.infer<typeof resolveReportSchema>;

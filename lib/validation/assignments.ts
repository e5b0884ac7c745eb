import { z } from "zod";
import { REVIEW_ANSWERS, TARGET_MASTERY } from "@/lib/contracts/assignments";
import { plainText } from "./common";
import { slugParamSchema } from "./quiz";

const isoDate = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `${label} must be an ISO 8601 date and time` })
    .transform((value) => new Date(value));

const noteSlugs = z
  .array(slugParamSchema, { error: "Pick at least one lesson" })
  .min(1, "Pick at least one lesson")
  .max(50, "Pick at most 50 lessons")
  .refine((slugs) => new Set(slugs).size === slugs.length, "A lesson is listed twice");

const common = {
  noteSlugs,
  dueAt: isoDate("Due date"),
  opensAt: isoDate("Open date").optional(),
  /** Defaults to a name made from the notes. */
  title: plainText("Title", 120).optional(),
};

const notesFields = {
  targetMastery: z.enum(TARGET_MASTERY, {
    error: `Target mastery must be one of ${TARGET_MASTERY.join(", ")}`,
  }),
};

const practiceFields = {
  /**
   * Review options belong to practice tests, the assignment's own attempts. A notes assignment is
   * learned through the lessons' quizzes and reviews, which always explain their answers.
   */
  reviewAnswers: z
    .enum(REVIEW_ANSWERS, { error: `Review answers must be one of ${REVIEW_ANSWERS.join(", ")}` })
    .optional(),
  size: z.number({ error: "Size must be a number" }).int().min(1).max(200),
  timeLimitMinutes: z
    .number({ error: "Time limit must be a number" })
    .int()
    .min(1)
    .max(480)
    .optional(),
  attemptsAllowed: z.number({ error: "Attempts allowed must be a number" }).int().min(1).max(20),
};

function opensBeforeDue(value: { opensAt?: Date; dueAt: Date }, ctx: z.RefinementCtx) {
  if (value.opensAt && value.opensAt >= value.dueAt)
    ctx.addIssue({ code: "custom", path: ["opensAt"], message: "It must open before it is due" });
}

/** `POST /api/teams/<id>/assignments`. */
export const createAssignmentSchema = z
  .discriminatedUnion(
    "kind",
    [
      z.strictObject({ kind: z.literal("notes"), ...common, ...notesFields }),
      z.strictObject({ kind: z.literal("practice"), ...common, ...practiceFields }),
    ],
    { error: 'Kind must be "notes" or "practice"' },
  )
  .superRefine(opensBeforeDue);
export type CreateAssignment = z.infer<typeof createAssignmentSchema>;

/**
 * `PATCH /api/teams/<id>/assignments/<aid>`: any of the fields, except the kind. `opensAt: null`
 * opens it now. Fields that belong to the other kind are a 422.
 */
export const updateAssignmentSchema = z
  .strictObject({
    noteSlugs: noteSlugs.optional(),
    dueAt: common.dueAt.optional(),
    opensAt: isoDate("Open date").nullable().optional(),
    title: common.title,
    reviewAnswers: practiceFields.reviewAnswers,
    targetMastery: notesFields.targetMastery.optional(),
    size: practiceFields.size.optional(),
    timeLimitMinutes: practiceFields.timeLimitMinutes.nullable(),
    attemptsAllowed: practiceFields.attemptsAllowed.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Send at least one field to change");
export type UpdateAssignment = z.infer<typeof updateAssignmentSchema>;

/** `PUT /api/teams/<id>/assignments/<aid>/extensions/<userId>`. */
export const extensionSchema = z.strictObject({ dueAt: isoDate("Due date") });

import { z } from "zod";
import { fromAddress, isSlug } from "@/lib/content/slug";
import { OWNERS } from "@/lib/content/types";
import { QUIZ_ITEM_KINDS } from "@/lib/contracts/quiz";
import { idSchema } from "./common";

const MAX_ANSWERS = 500;

export const choiceSchema = z.enum(OWNERS, { error: `Choose one of ${OWNERS.join(", ")}` });
export const confidenceSchema = z.enum(["sure", "unsure"], { error: "Say sure or unsure" });
/** An option key as content makes them (lib/content/options.ts): short hex. */
export const optionKeySchema = z.string().regex(/^[a-f0-9]{6,16}$/, "Not an option of this item");

/**
 * One answer: an owner (`choice`) for assign, matrix and scenario-owner items, or an option key
 * (`option`) for split halves and a scenario's failed control; exactly one of the two. The server
 * checks that it fits the item's kind. null takes an answer back.
 */
export const answerSchema = z
  .strictObject({
    itemId: idSchema,
    choice: choiceSchema.nullable().optional(),
    option: optionKeySchema.nullable().optional(),
    /** How sure the learner said they were; null or absent when they did not say. */
    confidence: confidenceSchema.nullable().optional(),
    /** Milliseconds the learner took over this card, when the client measured it. */
    ms: z.number().int().min(0).max(86_400_000).optional(),
  })
  .refine((answer) => (answer.choice === undefined) !== (answer.option === undefined), {
    message: "Send either choice (an owner) or option (one of the item's options)",
    path: ["choice"],
  });

export const answersSchema = z
  .array(answerSchema)
  .max(MAX_ANSWERS, `At most ${MAX_ANSWERS} answers at once`)
  .refine(
    (answers) => new Set(answers.map((a) => a.itemId)).size === answers.length,
    "Each item may be answered once",
  );

export const saveAnswersSchema = z.strictObject({ answers: answersSchema });
export const submitSchema = z.strictObject({ answers: answersSchema.optional() });
export const markReadSchema = z.strictObject({
  read: z.boolean({ error: "read must be true or false" }),
});

/** A lesson's slug, from an address (percent-encoded or not) or a JSON body: see slugify. */
export const slugParamSchema = z
  .string()
  .transform(fromAddress)
  .refine(isSlug, "Not a lesson slug");
export const idParamSchema = idSchema;

/** The quiz and review pages' query: `?attempt=<id>` shows that attempt (its results, once submitted). */
export const attemptQuerySchema = z.object({ attempt: idSchema.optional() });

/** The quiz page's "Start quiz" and "Try again" form. */
export const startQuizSchema = z.strictObject({ slug: slugParamSchema });

export type AnswerInput = z.infer<typeof answerSchema>;

/** `POST /api/practice-tests`. */
export const practiceTestSchema = z.strictObject({
  notes: z.array(slugParamSchema).min(1, "Pick at least one lesson").max(100).optional(),
  kinds: z
    .array(z.enum(QUIZ_ITEM_KINDS, { error: "Not an item kind" }))
    .min(1, "Pick at least one kind")
    .max(QUIZ_ITEM_KINDS.length)
    .optional(),
  size: z
    .number({ error: "size must be a number" })
    .int("size must be a whole number")
    .min(5, "A practice test has at least 5 questions")
    .max(100, "A practice test has at most 100 questions"),
  timeLimitMinutes: z
    .number({ error: "timeLimitMinutes must be a number" })
    .int("timeLimitMinutes must be a whole number")
    .min(1, "The time limit is at least 1 minute")
    .max(180, "The time limit is at most 180 minutes")
    .optional(),
});
export type PracticeTestInput = z.infer<typeof practiceTestSchema>;

/** The practice results' "Retake with the same settings" form: the test whose settings to reuse. */
export const retakePracticeSchema = z.strictObject({ attemptId: idSchema });

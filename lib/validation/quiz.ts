import { z } from "zod";
import { OWNERS } from "@/lib/content/types";
import { idSchema } from "./common";

const MAX_ANSWERS = 500;

export const choiceSchema = z.enum(OWNERS, { error: `Choose one of ${OWNERS.join(", ")}` });

export const answerSchema = z.strictObject({
  itemId: idSchema,
  /** null takes a card back off the board. */
  choice: choiceSchema.nullable(),
  /** Milliseconds the learner took over this card, when the client measured it. */
  ms: z.number().int().min(0).max(86_400_000).optional(),
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

export const slugParamSchema = z.string().regex(/^[a-z0-9-]{1,200}$/, "Not a lesson slug");
export const idParamSchema = idSchema;

/** The quiz and review pages' query: `?attempt=<id>` shows that attempt (its results, once submitted). */
export const attemptQuerySchema = z.object({ attempt: idSchema.optional() });

/** The quiz page's "Start quiz" and "Try again" form. */
export const startQuizSchema = z.strictObject({ slug: slugParamSchema });

export type AnswerInput = z.infer<typeof answerSchema>;

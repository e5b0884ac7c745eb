import "server-only";
import { OWNERS } from "@/lib/content/types";
import type { QuizItem } from "@/lib/contracts/quiz";

/**
 * An item as a learner sees it: never with its owner. A service-model layer's stored detail is the
 * explanation of who runs it, so before grading the learner gets the question instead.
 */
export function toQuizItem(item: {
  id: string;
  kind: "ASSIGN" | "SERVICE";
  noteSlug: string;
  prompt: string;
  detail: string;
  serviceModel: string | null;
}): QuizItem {
  return {
    id: item.id,
    kind: item.kind === "SERVICE" ? "service" : "assign",
    prompt: item.prompt,
    detail: item.kind === "SERVICE" ? `Who runs this layer in ${item.serviceModel}?` : item.detail,
    serviceModel: item.serviceModel,
    noteSlug: item.noteSlug,
    choices: [...OWNERS],
  };
}

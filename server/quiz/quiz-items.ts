import "server-only";
import { OWNERS } from "@/lib/content/types";
import type { QuizItem } from "@/lib/contracts/quiz";

/** An item as a learner sees it: never with its owner. */
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
    detail: item.detail,
    serviceModel: item.serviceModel,
    noteSlug: item.noteSlug,
    choices: [...OWNERS],
  };
}

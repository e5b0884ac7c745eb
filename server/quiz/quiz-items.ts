import "server-only";
import type { Owner } from "@/lib/content/types";

export const CHOICES: Owner[] = ["AWS", "CUSTOMER", "SHARED"];

export interface QuizItem {
  id: string;
  kind: "assign" | "service";
  prompt: string;
  detail: string;
  serviceModel: string | null;
  noteSlug: string;
  choices: Owner[];
}

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
    choices: CHOICES,
  };
}

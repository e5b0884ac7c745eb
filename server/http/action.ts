import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/contracts/action-state";
import type { ErrorBody } from "@/lib/contracts/errors";
import { fieldErrors, HttpError } from "./errors";
import { isDatabaseUnavailable } from "./route";

/**
 * Reads named fields from an action's form. An action is a public endpoint and may be sent anything
 * as its argument, so a non-form argument reads as empty fields and fails validation, never crashes.
 */
export function formFields<Name extends string>(
  form: unknown,
  ...names: Name[]
): Record<Name, FormDataEntryValue | null> {
  // Duck-typed: the server bundle's FormData class is not always the global one, so instanceof fails.
  const get = (form as { get?: unknown } | null)?.get;
  const fields = {} as Record<Name, FormDataEntryValue | null>;
  for (const name of names)
    fields[name] = typeof get === "function" ? ((form as FormData).get(name) ?? null) : null;
  return fields;
}

/** A repeated field ("notes", "kinds") as its text values; anything else sent reads as none. */
export function formValues(form: unknown, name: string): string[] {
  const getAll = (form as { getAll?: unknown } | null)?.getAll;
  if (typeof getAll !== "function") return [];
  return (form as FormData).getAll(name).filter((v): v is string => typeof v === "string");
}

export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.infer<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new HttpError(
      422,
      "validation_failed",
      "Some fields are not valid.",
      fieldErrors(parsed.error),
    );
  return parsed.data;
}

/** Runs an action body: expected failures become the error state; redirects pass through. */
export async function runAction(body: () => Promise<string>): Promise<ActionState> {
  try {
    return { ok: true, message: await body() };
  } catch (error) {
    return actionFailure(error);
  }
}

/**
 * What an action that failed answers, for an action whose success carries more than a message:
 * expected failures keep their message and fields, an outage and a bug get a plain word, and
 * redirects pass through.
 */
export function actionFailure(error: unknown): { ok: false } & ErrorBody {
  // Next signals redirect() and notFound() by throwing: those must reach Next, not the form.
  unstable_rethrow(error);
  if (error instanceof HttpError) {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      },
    };
  }
  if (isDatabaseUnavailable(error))
    return {
      ok: false,
      error: {
        code: "database_unavailable",
        message: "The database is unavailable. Try again in a moment.",
      },
    };
  console.error(error);
  return { ok: false, error: { code: "internal", message: "Something went wrong on our side." } };
}

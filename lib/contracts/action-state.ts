import type { ErrorBody } from "./errors";

/** What every server action returns: the JSON routes' error shape, or success with a message. */
export type ActionState = { ok: true; message: string } | ({ ok: false } & ErrorBody) | null;

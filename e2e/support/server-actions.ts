import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";

interface Manifest {
  node: Record<string, { filename: string; exportedName: string }>;
}

/** A server action's id in the production build, as the browser would send it. */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as Manifest;
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.filename === filename && v.exportedName === exportedName,
  );
  if (!entry) throw new Error(`no server action ${exportedName} in ${filename}`);
  return entry[0];
}

/**
 * Calls a form action exactly as React does from useActionState: a multipart body with the form's
 * fields under "_1_", then the arguments [previous state, the form] in field "0".
 */
export async function callAction(
  request: APIRequestContext,
  page: string,
  action: { filename: string; name: string },
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  // The form's fields must come before "0": React decodes the body in order, as a stream. A FormData
  // keeps that order; an object would not (integer-like keys such as "0" always come first).
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_1_${key}`, value);
  multipart.append("0", '[null,"$K1"]');
  const response = await request.post(page, {
    headers: {
      "Next-Action": actionId(action.filename, action.name),
      Accept: "text/x-component",
      ...headers,
    },
    multipart,
    maxRedirects: 0,
  });
  const text = await response.text();
  const code = /"code":"([a-z_]+)"/.exec(text)?.[1];
  return {
    status: response.status(),
    redirect: response.headers()["x-action-redirect"],
    ok: /"ok":true/.test(text),
    code,
    text,
  };
}

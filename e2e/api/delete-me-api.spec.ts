import { expect, test } from "@playwright/test";
import { newLearner } from "../fixtures";

// DELETE /api/me's journeys are in account-deletion-api.spec.ts; this is the attack on it.

test("[ATTACKER] a session cookie alone cannot delete the account: no password or a wrong one gets 422 and the account stays", async ({
  request,
}) => {
  const { password } = await newLearner(request, "Not So Easily Deleted");
  const tries = [
    { name: "no body", send: () => request.delete("/api/me") },
    { name: "no password", send: () => request.delete("/api/me", { data: {} }) },
    { name: "empty", send: () => request.delete("/api/me", { data: { password: "" } }) },
    {
      name: "wrong",
      send: () => request.delete("/api/me", { data: { password: "not-it-at-all" } }),
    },
  ];
  for (const { name, send } of tries) {
    const refused = await send();
    expect(refused.status(), name).toBeGreaterThanOrEqual(400);
    expect(refused.status(), name).toBeLessThan(500);
    const body = (await refused.json()) as {
      error: { code: string; message: string; fields?: Record<string, string[]> };
    };
    if (name !== "no body") {
      expect(refused.status(), name).toBe(422);
      expect(body.error.code, name).toBe("validation_failed");
      expect(body.error.fields?.password?.[0], name).toBeTruthy();
    }
    expect((await request.get("/api/me/progress")).status(), name).toBe(200);
  }
  // The right password still works.
  expect((await request.delete("/api/me", { data: { password } })).status()).toBe(204);
  test.info().annotations.push({ type: "cases", description: String(tries.length) });
});

import { expect, test } from "@playwright/test";
import { newLearner, signIn } from "../fixtures";

test("[LEARNER] DELETE /api/me with the password answers 204, and the same session cookie then gets 401", async ({
  request,
}) => {
  const { password } = await newLearner(request, "Self Deleter");
  expect((await request.get("/api/me/progress")).status()).toBe(200);
  const deleted = await request.delete("/api/me", { data: { password } });
  expect(deleted.status()).toBe(204);
  expect(await deleted.text()).toBe("");
  expect((await request.get("/api/me/progress")).status()).toBe(401);
  // Gone already: a second try is a visitor's.
  const again = await request.delete("/api/me", { data: { password } });
  expect(again.status()).toBe(401);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
});

test("[ADMIN] DELETE /api/admin/users/<id> answers 204; the user's own session ends and they leave the list", async ({
  playwright,
  baseURL,
}) => {
  const admin = await playwright.request.newContext({ baseURL });
  const learner = await playwright.request.newContext({ baseURL });
  await signIn(admin, "admin@example.com");
  const { id } = await newLearner(learner, "Deleted By Admin");
  expect((await admin.delete(`/api/admin/users/${id}`)).status()).toBe(204);
  expect((await learner.get("/api/me/progress")).status()).toBe(401);
  const users = (await (await admin.get("/api/admin/users")).json()) as Array<{ id: string }>;
  expect(users.map((u) => u.id)).not.toContain(id);
  // Deleted once: the second try finds no such user.
  const again = await admin.delete(`/api/admin/users/${id}`);
  expect(again.status()).toBe(404);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe("not_found");
  await admin.dispose();
  await learner.dispose();
});

test("[INSTRUCTOR] [LEARNER] DELETE /api/admin/users/<id> is refused with 403, and the account stays", async ({
  playwright,
  baseURL,
}) => {
  const target = await playwright.request.newContext({ baseURL });
  const { id } = await newLearner(target, "Not Deleted");
  for (const email of ["instructor@example.com", "learner@example.com"]) {
    const caller = await playwright.request.newContext({ baseURL });
    await signIn(caller, email);
    const refused = await caller.delete(`/api/admin/users/${id}`);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    await caller.dispose();
  }
  expect((await target.get("/api/me/progress")).status()).toBe(200);
  await target.dispose();
});

test("[ADMIN] an admin who is not the last one may delete their own account", async ({
  playwright,
  baseURL,
}) => {
  // A throwaway admin, deleted while the demo admin still exists. The last-admin refusal (409) is
  // tested in tests/db/delete-account.test.ts: here other specs sign in as the demo admin.
  const admin = await playwright.request.newContext({ baseURL });
  await signIn(admin, "admin@example.com");
  const deputy = await playwright.request.newContext({ baseURL });
  const { id, password } = await newLearner(deputy, "Deputy Admin");
  expect((await admin.patch(`/api/admin/users/${id}`, { data: { role: "ADMIN" } })).status()).toBe(
    200,
  );
  expect((await deputy.delete("/api/me", { data: { password } })).status()).toBe(204);
  await admin.dispose();
  await deputy.dispose();
});

import Database from "better-sqlite3";
import pg from "pg";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { AuditEntryRecord } from "@/lib/contracts/audit";
import { newLearner, signIn } from "../fixtures";
import { query } from "../support/db-snapshot";

const FIELDS = ["action", "actorId", "address", "at", "details", "id", "targetId", "targetType"];

let admin: APIRequestContext;
let instructor: APIRequestContext;
let learner: APIRequestContext;
let adminId = "";
let learnerId = "";

const idOf = async (context: APIRequestContext) =>
  ((await (await context.get("/api/me/export")).json()) as { profile: { id: string } }).profile.id;

const audit = async (search: string) => {
  const response = await admin.get(`/api/admin/audit?${search}`);
  expect(response.status(), search).toBe(200);
  return (await response.json()) as AuditEntryRecord[];
};

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright, baseURL }) => {
  [admin, instructor, learner] = await Promise.all(
    [0, 1, 2].map(() => playwright.request.newContext({ baseURL })),
  );
  await signIn(admin, "admin@example.com");
  await signIn(instructor, "instructor@example.com");
  learnerId = (await newLearner(learner, "Audited Learner")).id;
  adminId = await idOf(admin);
});

test.afterAll(async () => {
  for (const context of [admin, instructor, learner]) await context.dispose();
});

test("[ADMIN] a role change is in the trail with who, what, on whom, when and from where, in the contract's shape", async () => {
  const before = Date.now();
  const changed = await admin.patch(`/api/admin/users/${learnerId}`, {
    data: { role: "INSTRUCTOR" },
    headers: { "x-forwarded-for": "100.64.250.17" },
  });
  expect(changed.status()).toBe(200);
  const entries = await audit(`action=role.change&actor=${adminId}`);
  const entry = entries.find((e) => e.targetId === learnerId)!;
  expect(Object.keys(entry).sort()).toEqual(FIELDS);
  expect(entry).toMatchObject({
    actorId: adminId,
    action: "role.change",
    targetType: "user",
    targetId: learnerId,
    address: "100.64.250.17",
    details: { from: "LEARNER", to: "INSTRUCTOR" },
  });
  expect(typeof entry.id).toBe("string");
  expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before - 5_000);
  expect(entries.every((e) => e.action === "role.change" && e.actorId === adminId)).toBe(true);
  // Newest first.
  const times = entries.map((e) => Date.parse(e.at));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  expect(
    (await admin.patch(`/api/admin/users/${learnerId}`, { data: { role: "LEARNER" } })).status(),
  ).toBe(200);
});

test("[ADMIN] from and to narrow the trail by date", async () => {
  const today = new Date().toISOString().slice(0, 10);
  const todays = await audit(`action=role.change&from=${today}&to=${today}`);
  expect(todays.some((e) => e.targetId === learnerId)).toBe(true);
  expect(await audit("action=role.change&to=2000-01-31")).toEqual([]);
  expect(await audit("from=2999-01-01T00:00:00Z")).toEqual([]);
  // Empty fields, as the page's GET form sends them, filter nothing.
  expect((await audit("action=&actor=&from=&to=")).length).toBeGreaterThan(0);
});

test("[ADMIN] bad filters get 422 with a message per field", async () => {
  const cases: Array<[string, string[]]> = [
    ["action=role.delete", ["action"]],
    ["actor=not%20an%20id!", ["actor"]],
    ["from=yesterday", ["from"]],
    ["to=2026-13-01", ["to"]],
    ["from=2026-11-29&to=2026-11-28", ["to"]],
  ];
  for (const path of ["/api/admin/audit", "/api/admin/audit.csv"]) {
    for (const [search, fields] of cases) {
      const response = await admin.get(`${path}?${search}`);
      expect(response.status(), `${path}?${search}`).toBe(422);
      const body = (await response.json()) as {
        error: { code: string; message: string; fields: Record<string, string[]> };
      };
      expect(body.error.code).toBe("validation_failed");
      expect(Object.keys(body.error.fields)).toEqual(fields);
    }
  }
});

test("[ADMIN] the CSV holds the filtered entries and records its own export", async () => {
  const response = await admin.get(`/api/admin/audit.csv?action=role.change&actor=${adminId}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  const lines = (await response.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("id,at,actorId,actorName,action,targetType,targetId,address,details");
  const row = lines.find((line) => line.includes(`,user,${learnerId},100.64.250.17,`))!;
  expect(row).toContain(`,${adminId},Demo Admin,role.change,`);
  expect(row).toContain('"{""from"":""LEARNER"",""to"":""INSTRUCTOR""}"');
  expect(lines.slice(1).every((line) => line.includes(",role.change,"))).toBe(true);

  const [exported] = await audit(`action=export.create&actor=${adminId}`);
  expect(exported).toMatchObject({
    targetType: "audit",
    targetId: null,
    details: { export: "audit.csv", rows: lines.length - 1, filters: { action: "role.change" } },
  });
});

test("[INSTRUCTOR] exports of a team's CSV and a learner's own data are recorded", async () => {
  const team = (await (
    await instructor.post("/api/teams", { data: { name: "Audited exports" } })
  ).json()) as { id: string };
  expect((await instructor.get(`/api/teams/${team.id}/export.csv`)).status()).toBe(200);
  expect((await learner.get("/api/me/export")).status()).toBe(200);
  const instructorId = await idOf(instructor);
  const exports = await audit("action=export.create");
  expect(exports.find((e) => e.actorId === instructorId && e.targetId === team.id)).toMatchObject({
    targetType: "team",
    details: { export: "team.csv" },
  });
  expect(exports.find((e) => e.actorId === learnerId)).toMatchObject({
    targetType: "user",
    targetId: learnerId,
    details: { export: "my-data.json" },
  });
  // A refused export leaves no entry: nothing left.
  const count = (await audit("action=export.create")).length;
  expect((await learner.get(`/api/teams/${team.id}/export.csv`)).status()).toBe(403);
  expect((await audit("action=export.create")).length).toBe(count);
});

test("[INSTRUCTOR] deletes their team: 204, recorded with its name and size; others are refused", async ({
  playwright,
  baseURL,
}) => {
  const team = (await (
    await instructor.post("/api/teams", { data: { name: "Team to delete" } })
  ).json()) as { id: string; inviteCode: string };
  expect(
    (await learner.post("/api/teams/join", { data: { code: team.inviteCode } })).status(),
  ).toBe(200);
  // Another instructor, of no part in this team.
  const other = await playwright.request.newContext({ baseURL });
  const otherId = (await newLearner(other, "Other Instructor")).id;
  await admin.patch(`/api/admin/users/${otherId}`, { data: { role: "INSTRUCTOR" } });
  expect((await other.delete(`/api/teams/${team.id}`)).status()).toBe(403);
  await other.dispose();
  expect((await learner.delete(`/api/teams/${team.id}`)).status()).toBe(403);

  const deleted = await instructor.delete(`/api/teams/${team.id}`);
  expect(deleted.status()).toBe(204);
  expect(await deleted.text()).toBe("");
  expect((await instructor.delete(`/api/teams/${team.id}`)).status()).toBe(404);
  const teams = (await (await learner.get("/api/teams")).json()) as Array<{ id: string }>;
  expect(teams.map((t) => t.id)).not.toContain(team.id);
  const [entry] = await audit(`action=team.delete&actor=${await idOf(instructor)}`);
  expect(entry).toMatchObject({
    targetType: "team",
    targetId: team.id,
    details: { name: "Team to delete", members: 2 },
  });
});

/** A statement on the e2e server's database with write access (query() there reads only). */
async function execute(sql: string): Promise<void> {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database("data/e2e.db", { fileMustExist: true });
  try {
    db.prepare(sql).run();
  } finally {
    db.close();
  }
}

test("[AUDIT] audit entries cannot be altered: the database refuses UPDATE and DELETE, and no route changes them", async () => {
  const [entry] = await audit("action=role.change");
  const row = async () =>
    (
      await query<Record<string, unknown>>(`SELECT * FROM "AuditEntry" WHERE "id" = '${entry.id}'`)
    )[0];
  const before = await row();
  expect(before).toBeDefined();
  const count = async () =>
    Number((await query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "AuditEntry"`))[0].n);
  const total = await count();

  await expect(
    execute(
      `UPDATE "AuditEntry" SET "actorId" = NULL, "details" = '{}' WHERE "id" = '${entry.id}'`,
    ),
  ).rejects.toThrow(/append-only/);
  await expect(execute(`DELETE FROM "AuditEntry" WHERE "id" = '${entry.id}'`)).rejects.toThrow(
    /append-only/,
  );
  await expect(execute(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
  if (process.env.E2E_DATABASE_URL)
    await expect(execute(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
  expect(await row()).toEqual(before);
  expect(await count()).toBeGreaterThanOrEqual(total);

  for (const path of ["/api/admin/audit", "/api/admin/audit.csv"]) {
    for (const method of ["put", "patch", "delete", "post"] as const) {
      const response = await admin[method](path, { data: { action: "team.create" } });
      expect(response.status(), `${method.toUpperCase()} ${path}`).toBe(405);
    }
  }
  expect(await row()).toEqual(before);
  const [after] = (await audit("action=role.change")).filter((e) => e.id === entry.id);
  expect(after).toEqual(entry);
});

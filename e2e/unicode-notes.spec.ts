import { expect, test } from "@playwright/test";
import { newLearner } from "./fixtures";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./support/look";

// content/notes/🌥️ Introducción a la nube.md: a title that starts with an emoji, in Spanish, with
// its owners under "Responsabilidad de AWS" and "Responsabilidad del cliente".
const TITLE = "🌥️ Introducción a la nube";
const SLUG = "introducción-a-la-nube";
const OWNER_OF: Record<string, "AWS" | "Customer"> = {
  "Seguridad física de los centros de datos": "AWS",
  "Hardware de los servidores": "AWS",
  "Capa de virtualización": "AWS",
  "Parches del sistema operativo invitado en EC2": "Customer",
  "Reglas de los grupos de seguridad": "Customer",
  "Permisos de IAM": "Customer",
  "Clasificación de los datos": "Customer",
};
const TERMS = Object.keys(OWNER_OF);

test("[VISITOR] a note titled in Spanish with an emoji is a lesson and a quiz at its own address", async ({
  request,
}) => {
  for (const path of [
    `/lessons/${SLUG}`,
    `/lessons/${encodeURIComponent(SLUG)}`,
    `/quiz/${SLUG}`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  const quiz = await request.get(`/api/quizzes/${encodeURIComponent(SLUG)}`);
  expect(quiz.status()).toBe(200);
  expect(((await quiz.json()) as { items: unknown[] }).items).toHaveLength(TERMS.length);
  const search = await request.get("/search-index.json");
  expect(await search.text()).toContain(SLUG);
  // A slug holds no "%": a malformed escape is not a lesson, and says so without a server error.
  expect((await request.get("/api/quizzes/%E0%A4%A")).status()).toBe(400);
});

test(
  "[LEARNER] finds the Spanish lesson, starts its quiz, answers every card and submits",
  { tag: "@phone" },
  async ({ page, isMobile }) => {
    await newLearner(page.request, "Aprendiz");
    await page.goto("/lessons");
    await page
      .getByRole("link", { name: new RegExp(TITLE.slice(3)) })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/lessons/${encodeURIComponent(SLUG)}$`));
    await expect(page.getByRole("heading", { name: "Responsabilidad del cliente" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, "the Spanish lesson");

    await page.getByRole("link", { name: "Take the quiz" }).click();
    await page.getByRole("button", { name: "Start quiz" }).click();
    const count = (done: number) => new RegExp(`^${done} of ${TERMS.length} (placed|answered)$`);
    await expect(page.getByText(count(0))).toBeVisible();
    const oneCardView = page.getByRole("button", { name: "One card" });
    if ((await oneCardView.getAttribute("aria-pressed")) !== "true") await oneCardView.click();

    const card = page.getByRole("region", { name: "One card at a time" });
    for (let i = 0; i < TERMS.length; i++) {
      await expect(page.getByText(`Card ${i + 1} of ${TERMS.length}`)).toBeVisible();
      const placing = await card.getByRole("group", { name: /^Place / }).getAttribute("aria-label");
      const term = TERMS.find((t) => placing === `Place ${t}`);
      expect(term, `a card of this note: ${placing}`).toBeDefined();
      const owner = card.getByRole("button", { name: OWNER_OF[term!], exact: true });
      if (isMobile) await owner.tap();
      else await owner.click();
      await expect(page.getByText(count(i + 1))).toBeVisible();
    }
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect(page.getByRole("heading", { name: /^Results/ })).toBeVisible();
    await expect(page).toHaveURL(
      new RegExp(`/quiz/${encodeURIComponent(SLUG)}\\?attempt=[\\w-]+$`),
    );
    await expect(page.getByText(`${TERMS.length} of ${TERMS.length} right (100%)`)).toBeVisible();
    await expectNoSidewaysScroll(page);

    // A practice test drawn from it alone takes the slug as written, in a JSON body.
    const practice = await page.request.post("/api/practice-tests", {
      data: { notes: [SLUG], kinds: ["assign"], size: 5, timeLimitMinutes: 30 },
    });
    expect(practice.status(), await practice.text()).toBe(201);
    const { attemptId } = (await practice.json()) as { attemptId: string };
    const items = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as {
      items: Array<{ prompt: string }>;
    };
    expect(items.items).toHaveLength(5);
    expect(items.items.map((item) => item.prompt).every((p) => TERMS.includes(p))).toBe(true);
  },
);

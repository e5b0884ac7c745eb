import { describe, expect, it } from "vitest";
import { fromAddress, isSlug, lessonHref, quizHref, slugify, tagSlug } from "./slug";

describe("slugify", () => {
  it.each([
    ["AWS Shared Responsibility Model", "aws-shared-responsibility-model"],
    ["AWS Key Management Service (KMS)", "aws-key-management-service-kms"],
    ["🌥️ Introducción a la nube", "introducción-a-la-nube"],
    ["Responsabilidade do cliente 🔐", "responsabilidade-do-cliente"],
    ["AWS 責任共有モデル", "aws-責任共有モデル"],
    ["クラウドのセキュリティ", "クラウドのセキュリティ"],
    ["Sicherheit in der Cloud: Überblick", "sicherheit-in-der-cloud-überblick"],
    ["👩‍💻 Sécurité du cloud", "sécurité-du-cloud"],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(isSlug(slug)).toBe(true);
  });

  it("gives one slug whether the title came composed or decomposed (a Mac's file names)", () => {
    expect(slugify("Introduccio\u0301n")).toBe(slugify("Introducción"));
    expect(slugify("Introduccio\u0301n")).toBe("introducción");
  });

  it("gives nothing for a title of emoji alone, so the note is told to name itself", () => {
    expect(slugify("🌥️ ☁️")).toBe("");
    expect(isSlug("")).toBe(false);
  });
});

describe("isSlug", () => {
  it.each(["AWS", "a b", "a/b", "..", "a%20b", "-a", "🌥️-a", "x".repeat(201)])(
    "refuses %s",
    (text) => expect(isSlug(text)).toBe(false),
  );
});

describe("addresses", () => {
  it("percent-encodes slugs and anchors, so a redirect's Location header stays ASCII", () => {
    expect(lessonHref("introducción-a-la-nube")).toBe("/lessons/introducci%C3%B3n-a-la-nube");
    expect(quizHref("クラウド")).toBe("/quiz/%E3%82%AF%E3%83%A9%E3%82%A6%E3%83%89");
    expect(lessonHref("aws-kms", "key-policies")).toBe("/lessons/aws-kms#key-policies");
  });

  it("reads a segment back whether Next handed it over encoded or not", () => {
    expect(fromAddress("introducci%C3%B3n-a-la-nube")).toBe("introducción-a-la-nube");
    expect(fromAddress("introducción-a-la-nube")).toBe("introducción-a-la-nube");
    expect(fromAddress("introduccio%CC%81n")).toBe("introducción");
    expect(fromAddress("%E0%A4%A")).toBe("%E0%A4%A");
    expect(isSlug(fromAddress("%E0%A4%A"))).toBe(false);
  });
});

describe("tagSlug", () => {
  it("lower-cases a tag and folds its aliases into one", () => {
    expect(tagSlug("AWS")).toBe("aws");
    expect(tagSlug("Network")).toBe("networking");
    expect(tagSlug("Networking")).toBe("networking");
    expect(tagSlug("Español")).toBe("español");
  });
});

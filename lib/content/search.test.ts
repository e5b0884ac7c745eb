import { describe, expect, it } from "vitest";
import { loadLibrary } from "@/server/content/load-library";
import { createSearch, makeSnippet, stemWord, toSearchDocuments, type SearchHit, type TextPart } from "./search";

// The index as app/search-index.json serves it, from the shipped notes, through JSON as on the wire.
const documents = toSearchDocuments(loadLibrary().notes);
const search = createSearch(JSON.parse(JSON.stringify(documents)));
const textOf = new Map(documents.map((document) => [document.id, document.text]));
const slugs = (hits: SearchHit[]) => hits.map((hit) => hit.slug);
const marked = (parts: TextPart[]) => parts.map((part) => (part.match ? `[${part.text}]` : part.text)).join("");

/** What a learner types, and the lesson that must come first, or at least in the top three. */
const FIRST: Array<[string, string]> = [
  ["KMS", "aws-key-management-service-kms"],
  ["MFA", "aws-iam"],
  ["Lambda", "aws-lambda"],
  ["shared responsibility", "aws-shared-responsibility-model"],
  ["Shield", "aws-shield"],
  ["CloudTrail logs", "aws-cloudtrail"],
  ["IaaS", "infrastructure-as-a-service-iaas"],
  ["bucket policy", "amazon-s3"],
  ["hypervisor", "amazon-ec2"],
  ["EC2", "amazon-ec2"],
  ["Fargate", "amazon-ecs-on-aws-fargate"],
  ["responsabilidad del cliente", "introducción-a-la-nube"],
  ["introduccion", "introducción-a-la-nube"],
  ["cloudtrial", "aws-cloudtrail"],
  ["guest operating system", "infrastructure-as-a-service-iaas"],
];
const TOP_THREE: Array<[string, string]> = [
  ["hypervisor", "infrastructure-as-a-service-iaas"],
  ["security groups", "amazon-ec2"],
  ["security groups", "infrastructure-as-a-service-iaas"],
  ["encryption at rest", "amazon-dynamodb"],
];

describe("lesson search on the shipped notes", () => {
  it.each(FIRST)("ranks first for %j: %s", (query, slug) => {
    expect(slugs(search(query, 8))[0]).toBe(slug);
  });

  it.each(TOP_THREE)("ranks in the top three for %j: %s", (query, slug) => {
    expect(slugs(search(query, 3))).toContain(slug);
  });

  it("finds, for “patching”, only lessons that say it, the EC2 ones among the eight shown (issue 26)", () => {
    const hits = search("patching", 8);
    expect(hits).toHaveLength(8);
    for (const hit of hits) expect(textOf.get(hit.slug)).toMatch(/\bpatching\b/i);
    expect(slugs(hits)).toEqual(expect.arrayContaining(["amazon-ec2", "amazon-ecs-on-ec2"]));
    // CloudWatch says "watching", one letter from "patching", and never "patch": it is no result.
    expect(slugs(search("patching"))).not.toContain("amazon-cloudwatch");
  });

  it("puts an exact word before a completion or a near word", () => {
    // "Shield" is a lesson's title; "shielded" or a typo must not outrank it.
    expect(slugs(search("shiel", 1))).toEqual(["aws-shield"]);
    // Short terms get no typo tolerance: "KMS" finds the KMS lessons, never "EMS" or "IAM".
    for (const hit of search("KMS")) expect(textOf.get(hit.slug)).toMatch(/\bKMS\b/);
  });

  it("shows a snippet with the words that matched marked", () => {
    const [top] = search("patching", 1);
    expect(top.snippet.some((part) => part.match && /^patching$/i.test(part.text))).toBe(true);
    expect(marked(top.snippet).replace(/[[\]]/g, "")).not.toMatch(/<|>/);
    const [spanish] = search("responsabilidad del cliente", 1);
    expect(marked(spanish.titleParts)).toBe(spanish.title);
    expect(marked(spanish.snippet)).toMatch(/\[responsabilidad\]/i);
    expect(marked(spanish.snippet)).toMatch(/\[cliente\]/i);
  });

  it("finds nothing for an empty query or stop words alone", () => {
    expect(search("  ")).toEqual([]);
    expect(search("the of")).toEqual([]);
  });

  it("ships nothing but lesson text: no JSX from .mdx lessons", () => {
    for (const document of documents) expect(document.text).not.toMatch(/<[A-Z][A-Za-z]*\b|\{\s*layer:/);
  });
});

describe("makeSnippet", () => {
  const text = ["Intro line about nothing.", `${"word ".repeat(60)}the patched host and patches.`].join("\n");

  it("picks the line that matches, cut at words around the first match", () => {
    const parts = makeSnippet(text, new Set(["patched", "patch", "patches"]), new Set(["patched"]), 60);
    expect(parts[0]).toEqual({ text: "…", match: false });
    expect(marked(parts)).toMatch(/word the \[patched\]/);
  });

  it("is empty when the body does not match", () => {
    expect(makeSnippet(text, new Set(["kms"]), new Set(["kms"]))).toEqual([]);
  });
});

describe("stemWord", () => {
  it.each([
    ["patching", "patch"],
    ["patched", "patch"],
    ["patches", "patch"],
    ["policies", "policy"],
    ["logging", "log"],
    ["groups", "group"],
    ["aws", "aws"],
    ["access", "access"],
  ])("%s -> %s", (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });
});

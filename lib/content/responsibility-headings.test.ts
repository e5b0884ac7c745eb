import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  HEADING_PATTERNS,
  classifyHeading,
  normalizeHeading,
  ownerWord,
} from "./responsibility-headings";

function taken(heading: string) {
  const result = classifyHeading(heading);
  return result && "owner" in result ? [result.owner, result.pattern.id] : result;
}

describe("responsibility headings", () => {
  it.each([
    ["AWS Responsibilities", "AWS", "aws-responsibilities"],
    ["AWS’s security responsibilities", "AWS", "aws-responsibilities"],
    ["Amazon controls", "AWS", "aws-responsibilities"],
    ["AWS responsibilities: security OF the cloud", "AWS", "aws-responsibilities"],
    ["Customer Responsibilities", "CUSTOMER", "customer-responsibilities"],
    ["Your responsibilities", "CUSTOMER", "customer-responsibilities"],
    ["Customer responsibilities for EC2", "CUSTOMER", "customer-responsibilities"],
    ["AWS responsibilities (continued)", "AWS", "aws-responsibilities"],
    ["Customer responsibilities — security in the cloud", "CUSTOMER", "customer-responsibilities"],
    ["Shared Controls", "SHARED", "shared-responsibilities"],
    ["Shared responsibilities", "SHARED", "shared-responsibilities"],
    ["Joint responsibilities", "SHARED", "shared-responsibilities"],
    ["Security of the Cloud", "AWS", "security-of-the-cloud"],
    ["Security OF the cloud", "AWS", "security-of-the-cloud"],
    ["Security IN the cloud", "CUSTOMER", "security-in-the-cloud"],
    ["What AWS manages", "AWS", "what-aws-manages"],
    ["What AWS is responsible for", "AWS", "what-aws-manages"],
    ["What you manage", "CUSTOMER", "what-you-manage"],
    ["What the customer is responsible for", "CUSTOMER", "what-you-manage"],
    ["AWS is responsible for", "AWS", "aws-is-responsible-for"],
    ["The customer is responsible for:", "CUSTOMER", "customer-is-responsible-for"],
    ["Responsibilities of AWS", "AWS", "responsibilities-of-aws"],
    ["Responsibilities of the customer", "CUSTOMER", "responsibilities-of-customer"],
    ["Who does what", "TABLE", "who-does-what"],
    ["Responsibility matrix", "TABLE", "who-does-what"],
    ["AWS", "AWS", "aws-alone"],
    ["You", "CUSTOMER", "customer-alone"],
    ["Both", "SHARED", "shared-alone"],
    ["Provider responsibilities", "AWS", "provider-responsibilities"],
    ["Responsabilidad de AWS", "AWS", "aws-responsibilities-es"],
    ["Responsabilidades del cliente", "CUSTOMER", "customer-responsibilities-es"],
    ["Responsabilidades compartidas", "SHARED", "shared-responsibilities-es"],
    ["Seguridad DE la nube", "AWS", "security-of-the-cloud-es"],
    ["Seguridad EN la nube (responsabilidad del cliente)", "CUSTOMER", "security-in-the-cloud-es"],
    ["Responsabilidade da AWS", "AWS", "aws-responsibilities-pt"],
    ["Responsabilidade do cliente", "CUSTOMER", "customer-responsibilities-pt"],
    ["Responsabilidades compartilhadas", "SHARED", "shared-responsibilities-pt"],
    ["Segurança DA nuvem", "AWS", "security-of-the-cloud-pt"],
    ["Segurança NA nuvem", "CUSTOMER", "security-in-the-cloud-pt"],
    ["Responsabilités d'AWS", "AWS", "aws-responsibilities-fr"],
    ["Responsabilités du client : données", "CUSTOMER", "customer-responsibilities-fr"],
    ["Responsabilités partagées", "SHARED", "shared-responsibilities-fr"],
    ["Sécurité DU cloud", "AWS", "security-of-the-cloud-fr"],
    ["Sécurité DANS le cloud", "CUSTOMER", "security-in-the-cloud-fr"],
    ["AWS-Verantwortung", "AWS", "aws-responsibilities-de"],
    ["Verantwortung des Kunden", "CUSTOMER", "customer-responsibilities-de"],
    ["Gemeinsame Verantwortung", "SHARED", "shared-responsibilities-de"],
    ["Sicherheit DER Cloud", "AWS", "security-of-the-cloud-de"],
    ["Sicherheit IN der Cloud", "CUSTOMER", "security-in-the-cloud-de"],
    ["AWSの責任", "AWS", "aws-responsibilities-ja"],
    ["🛡️ お客様の責任", "CUSTOMER", "customer-responsibilities-ja"],
    ["共有の責任", "SHARED", "shared-responsibilities-ja"],
    ["クラウドのセキュリティ", "AWS", "security-of-the-cloud-ja"],
    ["クラウドにおけるセキュリティ", "CUSTOMER", "security-in-the-cloud-ja"],
    ["Lo que gestiona AWS", "AWS", "aws-is-responsible-for-es"],
    ["El cliente es responsable de", "CUSTOMER", "customer-is-responsible-for-es"],
    ["A AWS é responsável por", "AWS", "aws-is-responsible-for-pt"],
    ["O cliente é responsável por", "CUSTOMER", "customer-is-responsible-for-pt"],
    ["AWS s'occupe de", "AWS", "aws-is-responsible-for-fr"],
    ["Le client gère", "CUSTOMER", "customer-is-responsible-for-fr"],
    ["AWS ist verantwortlich für", "AWS", "aws-is-responsible-for-de"],
    ["Der Kunde ist verantwortlich für", "CUSTOMER", "customer-is-responsible-for-de"],
    ["AWSが責任を負うもの：", "AWS", "aws-is-responsible-for-ja"],
    ["お客様が責任を負うもの", "CUSTOMER", "customer-is-responsible-for-ja"],
    ["Cliente", "CUSTOMER", "customer-alone-translated"],
    ["お客様", "CUSTOMER", "customer-alone-translated"],
    ["Compartilhado", "SHARED", "shared-alone-translated"],
    ["Gemeinsam", "SHARED", "shared-alone-translated"],
    ["共有", "SHARED", "shared-alone-translated"],
  ])("takes %j as %s (%s)", (heading, owner, id) => {
    expect(taken(heading)).toEqual([owner, id]);
  });

  it("has a test row for every pattern", () => {
    // The it.each table above names each id; this keeps a new pattern from going untested.
    const source = fs.readFileSync(__filename, "utf8");
    for (const { id } of HEADING_PATTERNS) expect(source).toContain(`"${id}"]`);
  });

  it("ignores case, emoji, numbering and trailing punctuation", () => {
    expect(normalizeHeading("🛡️ 1. AWS Responsibilities:")).toBe("aws responsibilities");
    expect(taken("2) Customer responsibilities!")).toEqual(["CUSTOMER", "customer-responsibilities"]);
    expect(taken("☁️ Security IN the Cloud.")).toEqual(["CUSTOMER", "security-in-the-cloud"]);
    expect(taken("Step 3: Shared controls")).toEqual(["SHARED", "shared-responsibilities"]);
  });

  it.each([
    ["Seguridad DE la nube (responsabilidad del cliente)", "a section has one owner"],
    ["Sécurité du cloud (client)", "a section has one owner"],
    ["Responsabilidades de AWS y del cliente", null],
    ["Modell der gemeinsamen Verantwortung", null],
  ])("does not take %j in another language (%s)", (heading, reason) => {
    const result = classifyHeading(heading);
    if (reason === null) expect(result && "owner" in result).toBeFalsy();
    else expect(result && "nearMiss" in result ? result.nearMiss : result).toContain(reason);
  });

  it("takes a qualifier in brackets at the end that names no other owner", () => {
    expect(taken("Security OF the Cloud (AWS Responsibility)")).toEqual(["AWS", "security-of-the-cloud"]);
    expect(taken("Security IN the Cloud (Customer Responsibility)")).toEqual([
      "CUSTOMER",
      "security-in-the-cloud",
    ]);
    expect(taken("Security in the cloud (for EC2)")).toEqual(["CUSTOMER", "security-in-the-cloud"]);
    const mixed = classifyHeading("Security OF the Cloud (customer side)");
    expect(mixed && "nearMiss" in mixed ? mixed.nearMiss : mixed).toContain("a section has one owner");
  });

  it.each([
    ["Managed and customer-managed policies", "customer-managed"],
    ["AWS-managed keys", "aws-managed"],
    ["Customer managed keys", "customer managed"],
    ["How AWS handles encryption", "in passing"],
    ["Controls the customer configures", "in passing"],
    ["AWS and customer responsibilities", "a section has one owner"],
    ["AWS responsibilities: security IN the cloud", "a section has one owner"],
    ["Customer responsibilities that AWS shares", "a section has one owner"],
    ["Customer responsibilities in the AWS cloud", "a section has one owner"],
    ["What you manage on AWS", "a section has one owner"],
    ["AWS side", "in passing"],
  ])("does not take %j (near miss: %s)", (heading, reason) => {
    const result = classifyHeading(heading);
    expect(result && "nearMiss" in result ? result.nearMiss : result).toContain(reason);
  });

  it.each([
    "Related Services",
    "Overview",
    "AWS Shared Responsibility Model",
    "Responsibility by Layer",
    "Variation by Service",
    "AWS Artifact",
  ])("leaves %j alone", (heading) => {
    expect(classifyHeading(heading)).toBeNull();
  });

  it("reads owner cells that are exactly one owner word", () => {
    expect(["AWS", "customer", "You", "Shared", "Both", "**AWS**"].map((cell) => ownerWord(cell))).toEqual([
      "AWS",
      "CUSTOMER",
      "CUSTOMER",
      "SHARED",
      "SHARED",
      "AWS",
    ]);
    expect(ownerWord("AWS and customer")).toBeUndefined();
    expect(ownerWord("Depends")).toBeUndefined();
  });

  it("is listed, pattern by pattern, in the README", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    for (const { description } of HEADING_PATTERNS) expect(readme).toContain(description);
  });
});

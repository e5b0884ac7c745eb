import { describe, expect, it } from "vitest";
import { LEAK_PHRASES, findOwnerLeaks } from "./owner-leak";

const leaks = (text: string) => findOwnerLeaks(text).map((leak) => leak.phrase);

describe("findOwnerLeaks", () => {
  it("catches the sentences that gave answers away (issue 23)", () => {
    expect(leaks("Updating the operating system inside each instance is the customer's job.")).toEqual(["customer's"]);
    expect(leaks("Physical protection of the facilities is part of what AWS operates.")).toEqual(["AWS"]);
    expect(leaks("The host operating system is run and controlled by AWS.")).toEqual(["controlled by", "AWS"]);
    expect(leaks("The customer decides which origins are used.")).toEqual(["customer"]);
    expect(leaks("AWS encrypts the data; you choose the key.")).toEqual(["AWS", "you"]);
    expect(leaks("Lambda uses an AWS owned key.")).toEqual(["AWS"]);
    expect(leaks("AWS-managed services such as DynamoDB")).toEqual(["AWS", "AWS-managed"]);
    expect(leaks("It is encrypted automatically, by default.")).toEqual(["automatically", "by default"]);
    expect(leaks("A responsibility the two sides share: shared.")).toEqual(["responsibility", "shared"]);
  });

  it("leaves product names, AWS accounts and plain descriptions alone", () => {
    expect(leaks("Choosing SSE-KMS for Amazon S3 objects and an AWS KMS key for them.")).toEqual([]);
    expect(leaks("A snapshot made public to every AWS account.")).toEqual([]);
    expect(leaks("Writing the security group rules that decide which traffic reaches each instance.")).toEqual([]);
    expect(leaks("Encryption in transit to clients over TLS.")).toEqual([]);
  });

  it("catches owner words in the six languages notes may be written in", () => {
    expect(leaks("La aplicación de parches es responsabilidad del cliente.")).toEqual(["responsabilidad", "cliente"]);
    expect(leaks("O cliente gerencia as chaves; você escolhe.")).toEqual(["cliente", "você"]);
    expect(leaks("Le client choisit la clé, vous gérez l'accès.")).toEqual(["Le client", "vous"]);
    expect(leaks("Der Kunde ist dafür verantwortlich, Ihre Daten zu schützen.")).toEqual(["Kunde", "verantwortlich", "Ihre"]);
    expect(leaks("ゲストOSのパッチ適用はお客様の責任です。")).toEqual(["お客様", "責任"]);
    expect(leaks("AWSが管理するハードウェア")).toEqual(["AWS", "が管理"]);
    expect(new Set(LEAK_PHRASES.map((p) => p.language))).toEqual(new Set(["en", "es", "pt", "fr", "de", "ja"]));
  });

  it("reads German 'sie' and 'ihr' in lower case as the pronouns they are", () => {
    expect(leaks("Die Daten werden verschlüsselt, bevor sie gespeichert werden.")).toEqual([]);
  });
});

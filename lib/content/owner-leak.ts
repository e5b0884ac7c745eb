/**
 * The rule that keeps a question from containing its answer. Everything a learner sees before
 * answering (a control's term and description, a split half's statements, a scenario's story and
 * its choices) must not say or imply who owns the control. A text leaks when it contains one of the
 * phrases below, in any of the languages notes may be written in; README "How notes become lessons"
 * lists them. The rule is deliberately blunt: a neutral description says what the control is
 * (“Applying security patches to the operating system inside each instance”) and never who does it,
 * so it needs none of these words.
 *
 * A product name is not an owner: "AWS" or "Amazon" followed by a capitalised word ("AWS KMS",
 * "Amazon S3", "AWS WAF") is left alone, while "AWS's", "AWS owned key" or "before it leaves AWS
 * facilities" leak.
 */
export interface LeakPhrase {
  /** ISO 639-1 code of the language the phrase belongs to. */
  language: "en" | "es" | "pt" | "fr" | "de" | "ja";
  /** What the README shows for it. */
  label: string;
  pattern: RegExp;
}

/** "AWS" or "Amazon" as an actor: not the first word of a product name. */
// No "i" flag: with it, \p{Lu} would match lower-case letters too, and "AWS manages" would pass.
// The word ends at anything but a Latin-script letter or digit, so "AWSが管理" counts too.
const PROVIDER =
  /(?<![\p{Lu}\p{Ll}\p{N}])(?:AWS|Amazon|aws|amazon)(?![\p{Lu}\p{Ll}\p{N}])(?!\s+(?:\p{Lu}|\d|accounts?(?![\p{L}\p{N}])))/u;

// Word boundaries that also work for accented letters (JavaScript's \b is ASCII-only).
const W = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
const words = (source: string, flags = "iu") => new RegExp(`${W}(?:${source})${E}`, flags);

export const LEAK_PHRASES: readonly LeakPhrase[] = [
  { language: "en", label: "AWS / Amazon (not as part of a product name)", pattern: PROVIDER },
  { language: "en", label: "customer, customers, customer's", pattern: words("customers?(?:'s|’s|s'|s’)?") },
  { language: "en", label: "you, your, yours, yourself", pattern: words("you|your|yours|yourself|yourselves") },
  { language: "en", label: "we, our, ours", pattern: words("we|our|ours") },
  { language: "en", label: "provider", pattern: words("(?:cloud\\s+)?providers?(?:'s|’s)?") },
  { language: "en", label: "responsible, responsibility", pattern: words("responsib\\p{L}*") },
  { language: "en", label: "shared, jointly", pattern: words("shared|jointly") },
  { language: "en", label: "managed by, owned by, operated by, run by", pattern: words("(?:managed|owned|operated|run|handled|controlled|maintained|protected|secured)\\s+by") },
  { language: "en", label: "AWS-managed, customer-managed, fully managed, self-managed", pattern: words("(?:aws|customer|fully|self|provider)[- ]managed") },
  { language: "en", label: "automatic, automatically, by default, out of the box", pattern: words("automatic(?:ally)?|by\\s+default|out\\s+of\\s+the\\s+box|on\\s+(?:its|their)\\s+behalf") },
  { language: "es", label: "cliente(s), usted(es), tu, tus, vosotros", pattern: words("clientes?|usted(?:es)?|tus?|vosotros") },
  { language: "es", label: "proveedor, responsable, responsabilidad", pattern: words("proveedor(?:es)?|responsab\\p{L}*") },
  { language: "es", label: "compartido/a, administrado por, gestionado por", pattern: words("compartid[oa]s?|(?:administrad|gestionad)[oa]s?\\s+por") },
  { language: "es", label: "automáticamente, de forma predeterminada, por defecto", pattern: words("automáticamente|automátic[oa]s?|de\\s+forma\\s+predeterminada|por\\s+defecto") },
  { language: "pt", label: "cliente(s), você(s)", pattern: words("clientes?|vocês?") },
  { language: "pt", label: "provedor, fornecedor, responsável, responsabilidade", pattern: words("provedor(?:es)?|fornecedor(?:es)?|responsáve(?:l|is)|responsabilidades?") },
  { language: "pt", label: "compartilhado/a, gerenciado pela/pelo", pattern: words("compartilhad[oa]s?|partilhad[oa]s?|gerenciad[oa]s?\\s+pel[oa]") },
  { language: "pt", label: "automaticamente, por padrão", pattern: words("automaticamente|por\\s+padrão") },
  { language: "fr", label: "client(s), vous, votre, vos", pattern: words("(?:le|du|au|les|des|aux)\\s+clients?|vous|votre|vos") },
  { language: "fr", label: "fournisseur, responsable, responsabilité", pattern: words("fournisseurs?|responsab\\p{L}*") },
  { language: "fr", label: "partagé(e)(s), géré par", pattern: words("partagée?s?|gérée?s?\\s+par") },
  { language: "fr", label: "automatiquement, par défaut", pattern: words("automatiquement|par\\s+défaut") },
  { language: "de", label: "Kunde, Kunden, Anbieter", pattern: words("kunden?|kundin(?:nen)?|anbieter[ns]?") },
  // "Sie" and "Ihr" only capitalised mid-sentence: lower-case "sie"/"ihr" are "she/they" and "her".
  { language: "de", label: "Sie, Ihr, Ihre (the polite you)", pattern: new RegExp(`${W}(?:Sie|Ihr(?:e|en|em|er|es)?)${E}`, "u") },
  { language: "de", label: "verantwortlich, Verantwortung", pattern: words("verantwort\\p{L}*") },
  { language: "de", label: "geteilt, gemeinsam, verwaltet von", pattern: words("geteilt\\p{L}*|gemeinsam\\p{L}*|verwaltet\\s+(?:von|durch)") },
  { language: "de", label: "automatisch, standardmäßig", pattern: words("automatisch\\p{L}*|standardmäßig") },
  { language: "ja", label: "お客様, 顧客, ユーザー (as owner), 利用者", pattern: /お客様|顧客|利用者|ユーザー側/u },
  { language: "ja", label: "責任, 共有, 管理する側", pattern: /責任|共有|管理する側|が管理/u },
  { language: "ja", label: "自動, デフォルト, 既定", pattern: /自動|デフォルト|既定/u },
];

export interface Leak {
  /** The words that leak, as they stand in the text. */
  phrase: string;
  label: string;
  language: LeakPhrase["language"];
}

/** Every phrase in `text` that says or implies an owner, in reading order. */
export function findOwnerLeaks(text: string): Leak[] {
  const leaks: Array<Leak & { index: number }> = [];
  for (const { pattern, label, language } of LEAK_PHRASES) {
    const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    for (const match of text.matchAll(global)) {
      leaks.push({ phrase: match[0], label, language, index: match.index ?? 0 });
    }
  }
  // One word can be an owner word in several languages ("cliente"): report it once.
  const seen = new Set<string>();
  return leaks
    .sort((a, b) => a.index - b.index)
    .filter((leak) => {
      const at = `${leak.index}:${leak.phrase}`;
      if (seen.has(at)) return false;
      seen.add(at);
      return true;
    })
    .map(({ phrase, label, language }) => ({ phrase, label, language }));
}

/** A short reason for a message: `says "the customer's" (customer, customers, customer's)`. */
export function describeLeaks(leaks: Leak[]): string {
  const shown = leaks.slice(0, 3).map((leak) => `"${leak.phrase}"`);
  return `says ${shown.join(", ")}${leaks.length > 3 ? ` and ${leaks.length - 3} more` : ""}`;
}

import { z } from "zod";
import { OWNERS, type Owner } from "./types";

/**
 * The written rule for which headings start a responsibility section. A wrong owner teaches the
 * opposite of the truth, so a heading is a section only when it matches one of these patterns;
 * anything that merely mentions an owner is skipped, with a reason when it looks like an attempt.
 *
 * Patterns run against the normalised heading (see normalizeHeading): lower case, no emoji, no
 * leading numbering ("1.", "2)"), no trailing punctuation, single spaces, straight apostrophes.
 */
export interface HeadingPattern {
  id: string;
  pattern: RegExp;
  /** The owner of the section, or "TABLE" for an overview whose tables name the owners. */
  owner: Owner | "TABLE";
  /** One line for the README; a unit test checks that the README lists every description. */
  description: string;
  /**
   * A loose match names an owner without saying "responsibilities": a note whose items all get one
   * owner from loose headings alone is an error, because the author may have meant something else.
   */
  loose?: boolean;
}

const AWS = "(?:aws|amazon|amazon web services)(?:'s)?";
const CUSTOMER = "(?:customer|customers|customer's|customers'|your|the customer's)";
const RESPONSIBILITIES = "(?:security )?(?:responsibility|responsibilities|controls|duties)";
/** What may follow the pattern: punctuation, the end, or a qualifier ("… for EC2", "… in IaaS"). */
const SEPARATOR = "\\s*(?:[:(\\-–—]\\s*|$|(?:for|in|with|under|on|when)\\b)";

/**
 * One language's responsibility headings: the pattern must match at the start of the heading, and
 * what follows must be the end, or ":", "(", a dash, before a qualifier that names no other owner.
 */
function translated(
  language: "es" | "pt" | "fr" | "de" | "ja",
  rows: Array<[string, RegExp, Owner, string]>,
): HeadingPattern[] {
  return rows.map(([id, start, owner, heading]) => ({
    id: `${id}-${language}`,
    pattern: new RegExp(`(?:${start.source})(?=\\s*(?:[:(\\-–—]|$))`),
    owner,
    description: `${heading} (${language})`,
  }));
}

export const HEADING_PATTERNS: readonly HeadingPattern[] = [
  {
    id: "aws-responsibilities",
    pattern: new RegExp(`^${AWS} ${RESPONSIBILITIES}${SEPARATOR}`),
    owner: "AWS",
    description: '"AWS responsibilities" / "AWS controls" (also "Amazon …", "AWS\'s …")',
  },
  {
    id: "customer-responsibilities",
    pattern: new RegExp(`^${CUSTOMER} ${RESPONSIBILITIES}${SEPARATOR}`),
    owner: "CUSTOMER",
    description: '"Customer responsibilities" / "Customer controls" / "Your responsibilities"',
  },
  {
    id: "shared-responsibilities",
    pattern: new RegExp(`^(?:shared|joint) ${RESPONSIBILITIES}${SEPARATOR}`),
    owner: "SHARED",
    description: '"Shared controls" / "Shared responsibilities" / "Joint responsibilities"',
  },
  {
    id: "security-of-the-cloud",
    pattern: new RegExp(`^(?:${AWS}(?: ${RESPONSIBILITIES})?\\s*[:\\-–—]\\s*)?security of the cloud$`),
    owner: "AWS",
    description: '"Security OF the cloud", alone or after "AWS responsibilities:"',
  },
  {
    id: "security-in-the-cloud",
    pattern: new RegExp(
      `^(?:${CUSTOMER}(?: ${RESPONSIBILITIES})?\\s*[:\\-–—]\\s*)?security in the cloud$`,
    ),
    owner: "CUSTOMER",
    description: '"Security IN the cloud", alone or after "Customer responsibilities:"',
  },
  {
    id: "what-aws-manages",
    pattern: new RegExp(
      `^what ${AWS} (?:manages|handles|secures|owns|is responsible for|takes care of)$`,
    ),
    owner: "AWS",
    description: '"What AWS manages" / "What AWS is responsible for"',
  },
  {
    id: "what-you-manage",
    pattern:
      /^what (?:you|customers) (?:manage|handle|secure|own|are responsible for|take care of)$|^what the customer (?:manages|handles|secures|owns|is responsible for)$/,
    owner: "CUSTOMER",
    description: '"What you manage" / "What the customer is responsible for"',
  },
  {
    id: "aws-is-responsible-for",
    pattern: new RegExp(`^${AWS} (?:is responsible for|handles|manages|secures|owns|takes care of)$`),
    owner: "AWS",
    description: '"AWS is responsible for" / "AWS manages" (an owner line over a list, too)',
  },
  {
    id: "customer-is-responsible-for",
    pattern:
      /^(?:the )?customers? (?:is|are) responsible for$|^you are responsible for$|^(?:the )?customers? (?:handles?|manages?|secures?|owns?)$|^you (?:handle|manage|secure|own)$/,
    owner: "CUSTOMER",
    description: '"The customer is responsible for" / "You manage" (an owner line over a list, too)',
  },
  {
    id: "responsibilities-of-aws",
    pattern: new RegExp(`^(?:responsibility|responsibilities) of ${AWS}$`),
    owner: "AWS",
    description: '"Responsibilities of AWS"',
  },
  {
    id: "responsibilities-of-customer",
    pattern: /^(?:responsibility|responsibilities) of (?:the )?(?:customer|customers|you)$/,
    owner: "CUSTOMER",
    description: '"Responsibilities of the customer"',
  },
  {
    id: "who-does-what",
    pattern:
      /^(?:who (?:manages|does|owns|is responsible for) what|(?:shared )?responsibility (?:matrix|table|split|breakdown)|division of responsibilities)$/,
    owner: "TABLE",
    description:
      '"Who does what" / "Responsibility matrix": only tables whose columns name the owners yield items',
  },
  {
    id: "aws-alone",
    pattern: /^(?:aws|amazon)$/,
    owner: "AWS",
    description: 'The word "AWS" alone (loose)',
    loose: true,
  },
  {
    id: "customer-alone",
    pattern: /^(?:customer|you)$/,
    owner: "CUSTOMER",
    description: 'The word "Customer" or "You" alone (loose)',
    loose: true,
  },
  {
    id: "shared-alone",
    pattern: /^(?:shared|both)$/,
    owner: "SHARED",
    description: 'The word "Shared" or "Both" alone (loose)',
    loose: true,
  },
  {
    id: "provider-responsibilities",
    pattern: /^(?:cloud )?provider (?:responsibilities|responsibility|side)$/,
    owner: "AWS",
    description: '"Provider responsibilities" (loose: the provider is AWS in these notes)',
    loose: true,
  },

  // The same headings in the other languages notes are written in. A qualifier may follow after
  // ":", "(" or a dash, as in English.
  ...translated("es", [
    ["aws-responsibilities", /^(?:responsabilidad(?:es)?|controles) de (?:aws|amazon)/, "AWS", '"Responsabilidad(es) de AWS"'],
    ["customer-responsibilities", /^(?:responsabilidad(?:es)?|controles) del cliente/, "CUSTOMER", '"Responsabilidad(es) del cliente"'],
    ["shared-responsibilities", /^(?:responsabilidades|controles) compartid[oa]s/, "SHARED", '"Responsabilidades compartidas"'],
    ["security-of-the-cloud", /^seguridad de la nube/, "AWS", '"Seguridad DE la nube"'],
    ["security-in-the-cloud", /^seguridad en la nube/, "CUSTOMER", '"Seguridad EN la nube"'],
    ["aws-is-responsible-for", /^(?:aws|amazon) (?:es responsable de|se encarga de|gestiona)$|^lo que gestiona (?:aws|amazon)$/, "AWS", '"AWS es responsable de" / "Lo que gestiona AWS"'],
    ["customer-is-responsible-for", /^(?:el )?cliente (?:es responsable de|se encarga de|gestiona)$|^lo que gestiona el cliente$/, "CUSTOMER", '"El cliente es responsable de" / "Lo que gestiona el cliente"'],
  ]),
  ...translated("pt", [
    ["aws-responsibilities", /^(?:responsabilidades?|controles) da (?:aws|amazon)/, "AWS", '"Responsabilidade(s) da AWS"'],
    ["customer-responsibilities", /^(?:responsabilidades?|controles) do cliente/, "CUSTOMER", '"Responsabilidade(s) do cliente"'],
    ["shared-responsibilities", /^(?:responsabilidades|controles) (?:compartilhad|partilhad)[oa]s/, "SHARED", '"Responsabilidades compartilhadas"'],
    ["security-of-the-cloud", /^segurança da nuvem/, "AWS", '"Segurança DA nuvem"'],
    ["security-in-the-cloud", /^segurança na nuvem/, "CUSTOMER", '"Segurança NA nuvem"'],
    ["aws-is-responsible-for", /^(?:a )?(?:aws|amazon) (?:é responsável por|gerencia|cuida de)$|^o que a (?:aws|amazon) gerencia$/, "AWS", '"A AWS é responsável por" / "O que a AWS gerencia"'],
    ["customer-is-responsible-for", /^(?:o )?cliente (?:é responsável por|gerencia|cuida de)$|^o que o cliente gerencia$/, "CUSTOMER", '"O cliente é responsável por" / "O que o cliente gerencia"'],
  ]),
  ...translated("fr", [
    ["aws-responsibilities", /^(?:responsabilités?|contrôles) (?:d'|de )(?:aws|amazon)/, "AWS", '"Responsabilités d\'AWS"'],
    ["customer-responsibilities", /^(?:responsabilités?|contrôles) du client/, "CUSTOMER", '"Responsabilités du client"'],
    ["shared-responsibilities", /^(?:responsabilités|contrôles) partagée?s/, "SHARED", '"Responsabilités partagées"'],
    ["security-of-the-cloud", /^sécurité du cloud/, "AWS", '"Sécurité DU cloud"'],
    ["security-in-the-cloud", /^sécurité dans le cloud/, "CUSTOMER", '"Sécurité DANS le cloud"'],
    ["aws-is-responsible-for", /^(?:aws|amazon) (?:est responsable de|s'occupe de|gère)$|^ce que gère (?:aws|amazon)$/, "AWS", '"AWS est responsable de" / "AWS s\'occupe de"'],
    ["customer-is-responsible-for", /^(?:le )?client (?:est responsable de|s'occupe de|gère)$|^ce que gère le client$/, "CUSTOMER", '"Le client est responsable de" / "Le client gère"'],
  ]),
  ...translated("de", [
    ["aws-responsibilities", /^(?:verantwortung|verantwortlichkeiten|aufgaben) (?:von|der) (?:aws|amazon)|^(?:aws|amazon)[- ]verantwortung/, "AWS", '"Verantwortung von AWS" / "AWS-Verantwortung"'],
    ["customer-responsibilities", /^(?:verantwortung|verantwortlichkeiten|aufgaben) (?:des|der) kunden|^kundenverantwortung/, "CUSTOMER", '"Verantwortung des Kunden" / "Kundenverantwortung"'],
    ["shared-responsibilities", /^gemeinsame (?:verantwortung|verantwortlichkeiten|kontrollen)/, "SHARED", '"Gemeinsame Verantwortung"'],
    ["security-of-the-cloud", /^sicherheit der cloud/, "AWS", '"Sicherheit DER Cloud"'],
    ["security-in-the-cloud", /^sicherheit in der cloud/, "CUSTOMER", '"Sicherheit IN der Cloud"'],
    ["aws-is-responsible-for", /^(?:aws|amazon) (?:ist verantwortlich für|ist zuständig für|verwaltet|kümmert sich um)$|^was (?:aws|amazon) verwaltet$/, "AWS", '"AWS ist verantwortlich für" / "Was AWS verwaltet"'],
    ["customer-is-responsible-for", /^(?:der )?kunde (?:ist verantwortlich für|ist zuständig für|verwaltet|kümmert sich um)$|^was der kunde verwaltet$/, "CUSTOMER", '"Der Kunde ist verantwortlich für" / "Was der Kunde verwaltet"'],
  ]),
  ...translated("ja", [
    ["aws-responsibilities", /^(?:aws|amazon) ?の責任/, "AWS", '"AWSの責任"'],
    ["customer-responsibilities", /^(?:お客様|顧客) ?の責任/, "CUSTOMER", '"お客様の責任"'],
    ["shared-responsibilities", /^共有(?:の|する)?(?:責任|コントロール)/, "SHARED", '"共有の責任"'],
    ["security-of-the-cloud", /^クラウドのセキュリティ/, "AWS", '"クラウドのセキュリティ"'],
    ["security-in-the-cloud", /^クラウド(?:における|内の)セキュリティ/, "CUSTOMER", '"クラウドにおけるセキュリティ"'],
    ["aws-is-responsible-for", /^(?:aws|amazon) ?が(?:責任を負う|管理する)(?:もの|こと)?$/, "AWS", '"AWSが責任を負うもの"'],
    ["customer-is-responsible-for", /^(?:お客様|顧客) ?が(?:責任を負う|管理する)(?:もの|こと)?$/, "CUSTOMER", '"お客様が責任を負うもの"'],
  ]),
  // An owner word alone, in the other languages (loose, as in English).
  {
    id: "customer-alone-translated",
    pattern: /^(?:(?:el |o |le |der )?(?:cliente|client|kunde)|お客様|顧客)$/u,
    owner: "CUSTOMER",
    description: '"Cliente", "Client", "Kunde", "お客様" alone (loose)',
    loose: true,
  },
  {
    id: "shared-alone-translated",
    pattern: /^(?:compartid[oa]s?|compartilhad[oa]s?|partagée?s?|gemeinsam|共有|ambos|les deux|beide)$/u,
    owner: "SHARED",
    description: '"Compartido", "Compartilhado", "Partagé", "Gemeinsam", "共有" alone (loose)',
    loose: true,
  },
];

/**
 * The words that name one owner, in an owner column's header or an owner cell: English, then the
 * other languages. "Provider" is AWS, as in the loose heading above.
 */
const OWNER_WORDS: Record<string, Owner> = {
  aws: "AWS",
  amazon: "AWS",
  customer: "CUSTOMER",
  customers: "CUSTOMER",
  you: "CUSTOMER",
  shared: "SHARED",
  both: "SHARED",
  provider: "AWS",
  "cloud provider": "AWS",
  cliente: "CUSTOMER",
  clientes: "CUSTOMER",
  client: "CUSTOMER",
  kunde: "CUSTOMER",
  proveedor: "AWS",
  provedor: "AWS",
  fournisseur: "AWS",
  anbieter: "AWS",
  kunden: "CUSTOMER",
  お客様: "CUSTOMER",
  顧客: "CUSTOMER",
  compartido: "SHARED",
  compartida: "SHARED",
  compartilhado: "SHARED",
  compartilhada: "SHARED",
  ambos: "SHARED",
  partagé: "SHARED",
  gemeinsam: "SHARED",
  共有: "SHARED",
};

/**
 * The table of owner words and responsibility headings a note is read with: the built-in one
 * above, or that one extended by a deployment's `owner-words.json` (see extendVocabulary).
 */
export interface OwnerVocabulary {
  headings: readonly HeadingPattern[];
  words: Readonly<Record<string, Owner>>;
  /** The extension's words, found anywhere in a heading: for the "names two owners" check. */
  mentions: ReadonlyArray<[RegExp, Owner]>;
}

export const BUILT_IN_VOCABULARY: OwnerVocabulary = { headings: HEADING_PATTERNS, words: OWNER_WORDS, mentions: [] };

/**
 * What a deployment may add, without code, in `owner-words.json` at the root of its content folder:
 * headings that start a responsibility section (a phrase, matched at the start of the normalised
 * heading as the built-in translations are) and owner words for columns and cells.
 */
export const ownerWordsFileSchema = z.strictObject({
  headings: z
    .array(
      z.strictObject({
        language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/, "a language code such as it or pt-BR"),
        starts: z.string().trim().min(2).max(80),
        owner: z.enum(OWNERS),
      }),
    )
    .max(500)
    .default([]),
  words: z.record(z.string().trim().min(1).max(40), z.enum(OWNERS)).default({}),
});
export type OwnerWordsFile = z.infer<typeof ownerWordsFileSchema>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wholeWord = (word: string) => new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, "u");

/** The built-in table with a deployment's rows added; its own rows win where a word is in both. */
export function extendVocabulary(extra: OwnerWordsFile, base: OwnerVocabulary = BUILT_IN_VOCABULARY): OwnerVocabulary {
  const words = Object.fromEntries(Object.entries(extra.words).map(([word, owner]) => [normalizeHeading(word), owner]));
  return {
    headings: [
      ...base.headings,
      ...extra.headings.map(({ language, starts, owner }) => {
        const phrase = normalizeHeading(starts);
        return {
          id: `${slugOf(phrase)}-${language}`,
          pattern: new RegExp(`^${escapeRegExp(phrase)}(?=\\s*(?:[:(\\-–—]|$))`, "u"),
          owner,
          description: `"${starts}" (${language}, owner-words.json)`,
        };
      }),
    ],
    words: { ...base.words, ...words },
    mentions: [...base.mentions, ...Object.entries(words).map(([word, owner]): [RegExp, Owner] => [wholeWord(word), owner])],
  };
}

const slugOf = (phrase: string) => phrase.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");

/** The owner an owner cell names, when it is exactly one owner word ("AWS", "Cliente", "共有"). */
export function ownerWord(text: string, vocabulary: OwnerVocabulary = BUILT_IN_VOCABULARY): Owner | undefined {
  return vocabulary.words[normalizeHeading(text)];
}

/** What may follow an owner word in a column header and still name just that owner. */
const COLUMN_VERB =
  /\s*(?:'s)?\s*(?:does|do|manages|manage|handles|handle|owns|own|secures|secure|side|part|responsibility|responsibilities|is responsible|are responsible|hace|gestiona|faz|gerencia|fait|gère|macht|verwaltet|が管理|の責任)$/u;

/**
 * The owner a table's column header names, in the words people write: exactly one owner word
 * ("AWS", "Customer", "Shared", "Both", "You", "Provider", or theirs in Spanish, Portuguese,
 * French, German or Japanese), alone or followed by a verb of owning ("AWS does", "You do",
 * "Customer manages", "AWS responsibility"). Anything else names no single owner.
 */
export function ownerColumn(text: string, vocabulary: OwnerVocabulary = BUILT_IN_VOCABULARY): Owner | undefined {
  const words = normalizeHeading(text).replace(COLUMN_ARTICLE, "");
  const owner = words.replace(COLUMN_VERB, "").trim().replace(COLUMN_ARTICLE, "");
  const managedBy = words.replace(COLUMN_MANAGED_BY, "").replace(COLUMN_ARTICLE, "");
  return vocabulary.words[words] ?? vocabulary.words[owner] ?? (managedBy !== words ? vocabulary.words[managedBy] : undefined);
}

/** An article before the owner word: "El cliente gestiona", "Le client", "Der Kunde". */
const COLUMN_ARTICLE = /^(?:the|el|la|los|o|a|os|le|les|der|die)\s+/u;
/** "Managed by AWS", in the six languages: the owner comes last. */
const COLUMN_MANAGED_BY =
  /^(?:managed by|owned by|handled by|gestionado por|gestionada por|gerenciado pela?|gerenciado pelo|géré par|gérée par|verwaltet von)\s+/u;

export type HeadingClass =
  | { owner: Owner | "TABLE"; pattern: HeadingPattern }
  | { nearMiss: string }
  | null;

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D\u20E3]/gu;

export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_]+/g, " ")
    .replace(EMOJI, " ")
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:step |part |section )?\(?\d+(?:\.\d+)*[.):]?\s+/, "")
    .replace(/[\s.:;,!?…*_：。]+$/u, "")
    .trim();
}

/** Owner words and compounds that tell a reader who a heading is about. */
const MENTIONS: Array<[RegExp, Owner]> = [
  [/security of the cloud/, "AWS"],
  [/security in the cloud/, "CUSTOMER"],
  [/\b(?:aws|amazon)\b/, "AWS"],
  [/\b(?:customer|customers|your|you)\b/, "CUSTOMER"],
  [/\b(?:shared|joint|both)\b/, "SHARED"],
  // The owner words of the other languages, so that a qualifier in them counts too.
  [/(?<![\p{L}])(?:clientes?|client|kunden?)(?![\p{L}])|お客様|顧客/u, "CUSTOMER"],
  [/compartid|compartilhad|partag|gemeinsam|共有/u, "SHARED"],
];
const CUE =
  /responsib|\bmanage|\bcontrols?\b|\bsecur|\bhandles?\b|\bowns?\b|\bduties\b|\bside\b|responsab|gestiona|gerencia|encarga|cuida|s'occupe|gère|verantwort|zuständig|verwaltet|kümmert|責任|管理/u;
const COMPOUND = /\b(?:customer|aws|amazon|self|user|service|fully)[- ]managed\b/;

/**
 * The owners a text names, in lower case: by owner word in any of the languages (and the
 * deployment's own words), or as "security of/in the cloud". Each word counts once: "customer
 * responsibilities" names the customer, not also "you".
 */
export function ownersMentioned(text: string, vocabulary: OwnerVocabulary = BUILT_IN_VOCABULARY): Set<Owner> {
  const owners = new Set<Owner>();
  let rest = text;
  for (const [pattern, owner] of [...MENTIONS, ...vocabulary.mentions]) {
    if (pattern.test(rest)) owners.add(owner);
    // With the pattern's own flags: without "u", \p{L} would read as a plain "p".
    rest = rest.replace(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`), " ");
  }
  return owners;
}

/**
 * Classifies a heading: the pattern it matches and the owner of its section; a near miss with the
 * reason it was not taken, for headings that look like an attempt; or null for any other heading.
 */
export function classifyHeading(heading: string, vocabulary: OwnerVocabulary = BUILT_IN_VOCABULARY): HeadingClass {
  const text = normalizeHeading(heading);
  if (/\bmodel\b/.test(text)) return null;
  // A qualifier in brackets at the end ("Security OF the Cloud (AWS Responsibility)") is taken
  // when it names no owner other than the heading's.
  const bracket = /\s*\(([^()]*)\)$/.exec(text);
  if (bracket && bracket.index > 0) {
    const base = classifyHeading(text.slice(0, bracket.index), vocabulary);
    if (base && "owner" in base && base.owner !== "TABLE") {
      const others = [...ownersMentioned(bracket[1], vocabulary)].filter((o) => o !== base.owner);
      if (others.length === 0) return base;
      return { nearMiss: `names ${[base.owner, ...others].join(" and ")}: a section has one owner` };
    }
  }
  if (COMPOUND.test(text)) {
    const compound = COMPOUND.exec(text)?.[0] ?? "";
    return {
      nearMiss: `"${compound}" describes a kind of thing, not whose responsibility a section lists`,
    };
  }
  for (const pattern of vocabulary.headings) {
    const match = pattern.pattern.exec(text);
    if (!match) continue;
    const owner = pattern.owner;
    const matched = ownersMentioned(match[0], vocabulary);
    const others = [...ownersMentioned(text.slice(match[0].length), vocabulary)].filter((o) => !matched.has(o));
    const disagree = others.filter((o) => o !== owner);
    if (owner !== "TABLE" && disagree.length > 0) {
      return { nearMiss: `names ${[owner, ...disagree].join(" and ")}: a section has one owner` };
    }
    return { owner, pattern };
  }
  const owners = ownersMentioned(text, vocabulary);
  if (owners.size > 1 && CUE.test(text)) {
    return { nearMiss: `names ${[...owners].join(" and ")}: a section has one owner` };
  }
  if (owners.size === 1 && CUE.test(text)) {
    return {
      nearMiss:
        "mentions an owner in passing; a responsibility heading starts with the owner " +
        '("AWS responsibilities") or reads "Security of/in the cloud"',
    };
  }
  return null;
}

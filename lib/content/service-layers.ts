import type { Owner, ServiceModel } from "./types";

export const SERVICE_LAYERS = [
  { id: "physical", label: "Physical infrastructure", pattern: /physical|hardware|data cent(er|re)s?|facilit/ },
  { id: "virtualization", label: "Virtualization", pattern: /virtuali[sz]ation|hypervisor/ },
  { id: "guest-os", label: "Guest operating system", pattern: /\bos\b|operating system/ },
  { id: "applications", label: "Applications", pattern: /application|\bapps?\b/ },
  { id: "configuration", label: "Configuration", pattern: /configur|setting/ },
  { id: "data", label: "Data", pattern: /\bdata\b(?! cent)/ },
  { id: "user-access", label: "User access", pattern: /access|identit|\busers?\b/ },
] as const;

export type ServiceLayerId = (typeof SERVICE_LAYERS)[number]["id"];

/**
 * The AWS model, used for every layer a note's "Variation by Service" bullet leaves unsaid. The
 * IaaS, PaaS and SaaS notes in content/ explain each of these choices in their "Responsibility by
 * Layer" tables, so that the quiz never asks for something no lesson teaches.
 */
export const DEFAULT_LAYER_OWNERS: Record<ServiceModel, Record<ServiceLayerId, Owner>> = {
  IaaS: {
    physical: "AWS",
    virtualization: "AWS",
    "guest-os": "CUSTOMER",
    applications: "CUSTOMER",
    configuration: "CUSTOMER",
    data: "CUSTOMER",
    "user-access": "CUSTOMER",
  },
  PaaS: {
    physical: "AWS",
    virtualization: "AWS",
    "guest-os": "AWS",
    applications: "SHARED",
    configuration: "SHARED",
    data: "CUSTOMER",
    "user-access": "CUSTOMER",
  },
  SaaS: {
    physical: "AWS",
    virtualization: "AWS",
    "guest-os": "AWS",
    applications: "AWS",
    configuration: "SHARED",
    data: "CUSTOMER",
    "user-access": "CUSTOMER",
  },
};

const SUBJECTS: Array<[RegExp, Owner]> = [
  [/^(aws|amazon|the provider)\b/, "AWS"],
  [/^(customers?|you|the customer|users?)\b/, "CUSTOMER"],
  [/^(both|shared)\b/, "SHARED"],
];

/**
 * Reads who a sentence like "AWS manages OS; customers handle data and access." says manages each
 * layer. Each clause is split at ";" or "." and attributed to its subject; a layer named by both
 * sides is shared. Layers the sentence does not name are absent from the result.
 */
export function layersStated(explanation: string): Partial<Record<ServiceLayerId, Owner>> {
  const stated: Partial<Record<ServiceLayerId, Owner>> = {};
  for (const rawClause of explanation.toLowerCase().split(/[;.]/)) {
    const clause = rawClause.trim();
    const subject = SUBJECTS.find(([pattern]) => pattern.test(clause))?.[1];
    if (!subject) continue;
    for (const layer of SERVICE_LAYERS) {
      if (!layer.pattern.test(clause)) continue;
      const earlier = stated[layer.id];
      stated[layer.id] = earlier && earlier !== subject ? "SHARED" : subject;
    }
  }
  return stated;
}

export function serviceModelOf(term: string): ServiceModel | undefined {
  const match = /\b(iaas|paas|saas)\b/i.exec(term);
  if (!match) return undefined;
  return (match[1].slice(0, 1).toUpperCase() + "aaS") as ServiceModel;
}

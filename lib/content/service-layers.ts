import type { ExtractedItem, Owner, ServiceModel } from "./types";

export const SERVICE_LAYERS = [
  {
    id: "physical",
    label: "Physical infrastructure",
    description: "The data centers, hardware and facilities the service runs on.",
    pattern: /physical|hardware|data cent(er|re)s?|facilit/,
  },
  {
    id: "virtualization",
    label: "Virtualization",
    description: "The hypervisor and host layer that keeps one virtual machine apart from another.",
    pattern: /virtuali[sz]ation|hypervisor/,
  },
  {
    id: "guest-os",
    label: "Guest operating system",
    description: "The operating system inside each virtual machine or instance, and its patches.",
    pattern: /\bos\b|operating system/,
  },
  {
    id: "applications",
    label: "Applications",
    description: "The software deployed onto the service, and the libraries it brings with it.",
    pattern: /application|\bapps?\b/,
  },
  {
    // Not "Configuration": AWS's model lists configuration management as a shared control (AWS
    // configures its infrastructure devices). The layer asked is the settings of the databases and
    // applications, which AWS's model gives to the customer alone.
    id: "configuration",
    label: "Database and application settings",
    description: "The parameters, options and network exposure chosen for the databases and applications.",
    pattern: /configur|setting/,
  },
  {
    id: "data",
    label: "Data",
    description: "The information stored and processed: how it is classified, kept and protected.",
    pattern: /\bdata\b(?! cent)/,
  },
  {
    id: "user-access",
    label: "User access",
    description: "Who may sign in, and what each person or role may do.",
    pattern: /access|identit|\busers?\b/,
  },
] as const;

export type ServiceLayerId = (typeof SERVICE_LAYERS)[number]["id"];

/**
 * The AWS model, used for every layer a note's "Variation by Service" bullet leaves unsaid. The
 * IaaS, PaaS and SaaS notes in content/ explain each of these choices in their "Responsibility by
 * Layer" tables, so that the quiz never asks for something no lesson teaches.
 *
 * Configuration follows one rule in every model: the layer is the settings in the customer's
 * account (guest OS where the customer runs it, databases, applications, service and tenant
 * options), which AWS's shared responsibility model gives to the customer. AWS's half of the
 * shared Configuration Management control, its own infrastructure devices, is already in the
 * physical and virtualization layers.
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
    // The runtime is part of the platform AWS runs; the application on it is the customer's.
    applications: "CUSTOMER",
    configuration: "CUSTOMER",
    data: "CUSTOMER",
    "user-access": "CUSTOMER",
  },
  SaaS: {
    physical: "AWS",
    virtualization: "AWS",
    "guest-os": "AWS",
    applications: "AWS",
    configuration: "CUSTOMER",
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

/**
 * Example services for each model, for a bullet that names none, e.g. `**IaaS**: ...`, and for the
 * hand-written matrix's columns. SaaS names no AWS service: WorkSpaces, the usual example, leaves
 * the desktop's updates and applications to the customer (see the SaaS note).
 */
export const MODEL_EXAMPLES: Record<ServiceModel, string> = {
  IaaS: "EC2",
  PaaS: "RDS, Elastic Beanstalk",
  SaaS: "a finished application",
};

/**
 * What each owner does with each layer, in the words a learner needs: who acts, and on what. Every
 * layer has a sentence for every owner, because a note may state any owner for any layer.
 */
const LAYER_DUTIES: Record<ServiceLayerId, Record<Owner, string>> = {
  physical: {
    AWS: "AWS runs the physical infrastructure: the data centers, servers and network cabling",
    CUSTOMER: "the customer looks after the physical hardware",
    SHARED: "AWS and the customer share the physical infrastructure",
  },
  virtualization: {
    AWS: "AWS runs the virtualization layer, the hypervisor that keeps customers apart",
    CUSTOMER: "the customer runs the virtualization layer",
    SHARED: "AWS and the customer share the virtualization layer",
  },
  "guest-os": {
    AWS: "AWS patches and runs the operating system",
    CUSTOMER: "the customer patches and hardens the guest operating system",
    SHARED: "AWS and the customer share the operating system: AWS provides it, the customer patches what runs on it",
  },
  applications: {
    AWS: "AWS runs and patches the application itself",
    CUSTOMER: "the customer installs, patches and secures the applications",
    SHARED: "AWS and the customer share the applications: AWS runs the platform, the customer writes and secures the code on it",
  },
  configuration: {
    AWS: "AWS sets the configuration",
    CUSTOMER:
      "the customer chooses the settings of what it runs in its account: network and firewall rules, service and tenant options",
    SHARED: "AWS and the customer share configuration: AWS provides secure options, the customer chooses the settings",
  },
  data: {
    AWS: "AWS looks after the data",
    CUSTOMER: "the customer owns the data: what is stored, who may read it and whether it is encrypted",
    SHARED: "AWS and the customer share the data",
  },
  "user-access": {
    AWS: "AWS decides who has access",
    CUSTOMER: "the customer decides who gets access and with which permissions",
    SHARED: "AWS and the customer share user access",
  },
};

/**
 * A model as a learner reads it, with example services: "PaaS (RDS, Elastic Beanstalk)". The
 * note's own term is used when it names services, as the seed's `IaaS (EC2)` does.
 */
export function modelWithExamples(model: ServiceModel, term: string): string {
  const named = /\(([^)]+)\)/.exec(term)?.[1]?.trim();
  return `${model} (${named || MODEL_EXAMPLES[model]})`;
}

/**
 * The explanation a learner reads after answering a service-model item, for example "In PaaS (RDS,
 * Elastic Beanstalk), AWS runs the virtualization layer, the hypervisor that keeps customers apart."
 */
export function explainServiceLayer(
  model: ServiceModel,
  term: string,
  layer: ServiceLayerId,
  owner: Owner,
): string {
  return `In ${modelWithExamples(model, term)}, ${LAYER_DUTIES[layer][owner]}.`;
}

/** The id of a layer's row in a lesson's service matrix: where a service item's lesson link lands. */
export function serviceRowAnchor(layer: ServiceLayerId): string {
  return `layer-${layer}`;
}

export interface ServiceMatrixColumn {
  model: ServiceModel;
  /** Example services, "EC2", from the note's term or the defaults. */
  examples: string;
}

export interface ServiceMatrixRow {
  layer: string;
  anchor: string;
  /** One owner per column, in column order; null where the quiz asks nothing (a withdrawn layer). */
  owners: Array<Owner | null>;
}

export interface ServiceMatrix {
  columns: ServiceMatrixColumn[];
  rows: ServiceMatrixRow[];
}

/**
 * The matrix a lesson shows under "Variation by Service": a row per layer, a column per service
 * model the note names, each cell the owner its quiz item expects. Built from the items themselves,
 * so the lesson shows exactly what the quiz asks. Undefined when the note has no service items.
 */
export function serviceMatrixOf(
  items: Array<Pick<ExtractedItem, "kind" | "key" | "owner" | "serviceModel">>,
): ServiceMatrix | undefined {
  const owners = new Map(
    items.filter((i) => i.kind === "MATRIX" && i.serviceModel).map((i) => [i.key, i]),
  );
  const columns: ServiceMatrixColumn[] = [];
  for (const item of owners.values()) {
    const model = serviceModelOf(item.serviceModel ?? "");
    if (model && !columns.some((c) => c.model === model)) {
      const examples = /\(([^)]+)\)/.exec(modelWithExamples(model, item.serviceModel ?? ""))?.[1];
      columns.push({ model, examples: examples ?? MODEL_EXAMPLES[model] });
    }
  }
  if (columns.length === 0) return undefined;
  const rows = SERVICE_LAYERS.map((layer) => ({
    layer: layer.label,
    anchor: serviceRowAnchor(layer.id),
    owners: columns.map(
      ({ model }) =>
        owners.get(serviceItemKey(model, layer.id))?.owner ?? null,
    ),
  }));
  return { columns, rows };
}

export function serviceItemKey(model: ServiceModel, layer: ServiceLayerId): string {
  return `service:${model.toLowerCase()}:${layer}`;
}

export const SERVICE_MODELS: readonly ServiceModel[] = ["IaaS", "PaaS", "SaaS"];

/** The seed's "Variation by Service" layers, quizzed as one matrix: a layer per row, a model per column. */
export const SERVICE_MODEL_MATRIX = { id: "service-models", title: "Who runs each layer" } as const;

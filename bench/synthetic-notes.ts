import type { NoteSource } from "@/lib/content/parse-note";

const TOPICS = [
  "Storage",
  "Queue",
  "Gateway",
  "Directory",
  "Ledger",
  "Cache",
  "Stream",
  "Vault",
  "Mesh",
  "Registry",
  "Catalog",
  "Pipeline",
];
const AWS_TERMS = [
  "Physical Hosts",
  "Hypervisor Patching",
  "Service Availability",
  "Regional Replication",
  "Hardware Disposal",
  "Edge Network",
];
const CUSTOMER_TERMS = [
  "Access Policies",
  "Encryption Keys",
  "Network Rules",
  "Data Classification",
  "Backup Schedule",
  "Audit Review",
  "Credential Rotation",
];
const SHARED_TERMS = ["Patch Management", "Configuration", "Awareness Training"];

/** A deterministic pseudo-random generator, so that every bench run seeds the same population. */
export function createRng(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Notes shaped like the real ones: tags, a summary, responsibility sections, links and a table. */
export function syntheticNotes(count: number, seed = 7): NoteSource[] {
  const rng = createRng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const title = `Synthetic ${pick(TOPICS)} Service ${i + 1}`;
    const other = `Synthetic ${pick(TOPICS)} Service ${1 + Math.floor(rng() * count)}`;
    const bullets = (terms: string[], n: number, what: string) =>
      Array.from(
        { length: n },
        (_, k) =>
          `- **${terms[(k + i) % terms.length]} ${k + 1}**: ${what} for workload ${i + 1}, part ${k + 1}.`,
      ).join("\n");
    const source = [
      "#AWS #Synthetic",
      `### ${title}`,
      "",
      `A managed service used to measure the content pipeline. It links to [[${other}]] and to [[AWS Shared Responsibility Model|the model]].`,
      "",
      "### AWS Responsibilities",
      "",
      bullets(
        AWS_TERMS,
        3 + Math.floor(rng() * 3),
        "AWS operates and secures the underlying platform",
      ),
      "",
      "### Customer Responsibilities",
      "",
      bullets(
        CUSTOMER_TERMS,
        3 + Math.floor(rng() * 4),
        "The customer configures and protects its resources",
      ),
      "  - A nested detail that is not a quiz item.",
      "",
      "### Shared Controls",
      "",
      bullets(SHARED_TERMS, 2, "Both sides act on their own layer"),
      "",
      "> [!tip] Remember",
      "> Data stays with the customer.",
      "",
      "| Layer | Owner |",
      "| --- | --- |",
      "| Hardware | AWS |",
      "",
    ].join("\n");
    return { file: `notes/${title}.md`, source };
  });
}

import { describe, expect, it } from "vitest";
import {
  DEFAULT_LAYER_OWNERS,
  SERVICE_LAYERS,
  explainServiceLayer,
  modelWithExamples,
  serviceItemKey,
  serviceMatrixOf,
} from "./service-layers";
import { OWNERS, type ExtractedItem, type ServiceModel } from "./types";

describe("explainServiceLayer", () => {
  it("reads as a plain sentence that names example services", () => {
    expect(explainServiceLayer("PaaS", "PaaS (RDS, Elastic Beanstalk)", "virtualization", "AWS")).toBe(
      "In PaaS (RDS, Elastic Beanstalk), AWS runs the virtualization layer, the hypervisor that keeps customers apart.",
    );
    expect(explainServiceLayer("IaaS", "IaaS", "data", "CUSTOMER")).toBe(
      "In IaaS (EC2), the customer owns the data: what is stored, who may read it and whether it is encrypted.",
    );
  });

  it("has a sentence for every layer and owner, none mentioning the note", () => {
    for (const layer of SERVICE_LAYERS) {
      for (const owner of OWNERS) {
        const text = explainServiceLayer("SaaS", "SaaS", layer.id, owner);
        expect(text).toMatch(/^In SaaS \(a finished application\), .+\.$/);
        expect(text).not.toMatch(/\bnote\b|unsaid|belongs to/i);
        const subject = { AWS: /, AWS /, CUSTOMER: /, the customer /, SHARED: /, AWS and the customer share / }[owner];
        expect(text).toMatch(subject);
      }
    }
  });

  it("uses the services the note names, else the usual examples", () => {
    expect(modelWithExamples("IaaS", "IaaS (EC2, Lightsail)")).toBe("IaaS (EC2, Lightsail)");
    expect(modelWithExamples("SaaS", "Software as a Service")).toBe("SaaS (a finished application)");
  });
});

describe("serviceMatrixOf", () => {
  const item = (model: ServiceModel, term: string, layer: string, owner: ExtractedItem["owner"]) => ({
    kind: "MATRIX" as const,
    key: `service:${model.toLowerCase()}:${layer}`,
    owner,
    serviceModel: term,
  });

  it("has a row per layer and a column per model, each cell the owner its item expects", () => {
    const items = [
      ...SERVICE_LAYERS.map((l) => item("IaaS", "IaaS (EC2)", l.id, DEFAULT_LAYER_OWNERS.IaaS[l.id])),
      ...SERVICE_LAYERS.map((l) => item("SaaS", "SaaS", l.id, l.id === "data" ? "SHARED" : DEFAULT_LAYER_OWNERS.SaaS[l.id])),
      { kind: "ASSIGN" as const, key: "Physical Security", owner: "AWS" as const },
    ];
    const matrix = serviceMatrixOf(items)!;
    expect(matrix.columns).toEqual([
      { model: "IaaS", examples: "EC2" },
      { model: "SaaS", examples: "a finished application" },
    ]);
    expect(matrix.rows.map((r) => r.anchor)).toEqual(SERVICE_LAYERS.map((l) => `layer-${l.id}`));
    expect(matrix.rows.find((r) => r.anchor === "layer-guest-os")?.owners).toEqual(["CUSTOMER", "AWS"]);
    expect(matrix.rows.find((r) => r.anchor === "layer-data")?.owners).toEqual(["CUSTOMER", "SHARED"]);
  });

  it("is undefined for a note without service items", () => {
    expect(serviceMatrixOf([{ kind: "ASSIGN", key: "x", owner: "AWS" }])).toBeUndefined();
  });

  it("keys items as parse-note does", () => {
    expect(serviceItemKey("PaaS", "guest-os")).toBe("service:paas:guest-os");
  });
});

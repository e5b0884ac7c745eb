import { describe, expect, it } from "vitest";
import { parseMatrixView, viewOfModelRows, viewOfServiceModels } from "./matrix-view";
import { serviceMatrixOf } from "./service-layers";

describe("matrix views", () => {
  const seed = serviceMatrixOf([
    { kind: "MATRIX", key: "service:iaas:data", owner: "CUSTOMER", serviceModel: "IaaS (EC2)" },
  ])!;

  it("draw the seed's service-model matrix as layers by model", () => {
    const view = viewOfServiceModels(seed);
    expect(view.caption).toBe("Who runs each layer, by service model");
    expect(view.rowHeader).toBe("Layer");
    expect(view.columns).toEqual([{ label: "IaaS", examples: "EC2" }]);
    expect(view.rows.find((r) => r.anchor === "layer-data")).toEqual({
      label: "Data",
      anchor: "layer-data",
      cells: ["CUSTOMER"],
    });
  });

  it("round-trip through the attribute the renderer writes, and reject anything else", () => {
    const view = viewOfServiceModels(seed);
    expect(parseMatrixView(JSON.stringify(view))).toEqual(view);
    expect(parseMatrixView("not json")).toBeUndefined();
    expect(parseMatrixView(undefined)).toBeUndefined();
    const badCell = { ...view, rows: [{ ...view.rows[0], cells: ["NOBODY"] }] };
    expect(parseMatrixView(JSON.stringify(badCell))).toBeUndefined();
    const short = { ...view, rows: [{ ...view.rows[0], cells: [] }] };
    expect(parseMatrixView(JSON.stringify(short))).toBeUndefined();
    const empty = { ...view, rows: [{ ...view.rows[0], cells: [null] }] };
    expect(parseMatrixView(JSON.stringify(empty))).toEqual(empty);
  });

  it("link a column only to a path on the site", () => {
    const view = viewOfServiceModels(seed);
    const withHref = (href: string) =>
      JSON.stringify({ ...view, columns: [{ label: "EC2", href }] });
    expect(parseMatrixView(withHref("/lessons/amazon-ec2"))).toBeDefined();
    expect(parseMatrixView(withHref("javascript:alert(1)"))).toBeUndefined();
    expect(parseMatrixView(withHref("//evil.example"))).toBeUndefined();
  });

  it("give an owner the props form does not know no badge rather than a guess", () => {
    const view = viewOfModelRows([{ layer: "Data", iaas: "CUSTOMER", paas: "AWS", saas: "x" }]);
    expect(view.rows[0].cells).toEqual(["CUSTOMER", "AWS", null]);
  });
});

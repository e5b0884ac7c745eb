import { describe, expect, it } from "vitest";
import { csvField, toCsv, UTF8_BOM } from "./csv";

describe("csv", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvField('Smith, "Jo"')).toBe('"Smith, ""Jo"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(42)).toBe("42");
    expect(csvField(null)).toBe("");
  });

  it("defuses formulas in text", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField(-5)).toBe("-5");
  });

  it("defuses the fullwidth forms of = + - @ too", () => {
    for (const sign of ["\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"])
      expect(csvField(`${sign}SUM(A1)`)).toBe(`'${sign}SUM(A1)`);
  });

  it("joins rows with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x"]], { bom: false })).toBe("a,b\r\n1,x\r\n");
  });

  it("starts with the UTF-8 byte order mark, so that Excel reads UTF-8", () => {
    const csv = toCsv(["name"], [["Zoë"]]);
    expect(csv).toBe(`${UTF8_BOM}name\r\nZoë\r\n`);
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("keeps the formula guard on the first field after the byte order mark", () => {
    expect(toCsv(["=cmd"], [])).toBe(`${UTF8_BOM}'=cmd\r\n`);
  });
});

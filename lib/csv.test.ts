import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

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
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("a,b\r\n1,x\r\n");
  });
});

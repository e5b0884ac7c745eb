import fs from "node:fs";

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  /** Unique column sets, comma-joined, from @id, @unique, @@id and @@unique. */
  uniques: string[];
}

const SCALARS = new Set(["String", "Int", "Float", "Boolean", "DateTime"]);

/** Reads models, scalar fields and unique keys from a Prisma schema: the expectation for the drift test. */
export function readSchemaModels(file: string): { models: SchemaModel[]; enums: Set<string> } {
  const source = fs.readFileSync(file, "utf8");
  const enums = new Set([...source.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]));
  const models: SchemaModel[] = [];
  for (const [, name, body] of source.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: SchemaField[] = [];
    const uniques: string[] = [];
    for (const raw of body.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const block = /^@@(id|unique)\(\[([^\]]+)\]/.exec(line);
      if (block) uniques.push(block[2].replace(/\s/g, ""));
      const field = /^(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!field || line.startsWith("@")) continue;
      const [, fieldName, type, modifier, rest] = field;
      if (modifier === "[]" || (!SCALARS.has(type) && !enums.has(type))) continue;
      fields.push({ name: fieldName, type, optional: modifier === "?" });
      if (/@id\b|@unique\b/.test(rest)) uniques.push(fieldName);
    }
    models.push({ name, fields, uniques });
  }
  return { models, enums };
}

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { datasetJsonSchema } from "../../server/dataset/json-schema.js";

const file = path.resolve(import.meta.dirname, "../../docs/dataset.schema.json");

describe("docs/dataset.schema.json", () => {
  // Regenerate with: UPDATE_DATASET_SCHEMA=1 npx vitest run tests/unit/dataset-json-schema.test.ts && npx biome format --write docs/dataset.schema.json
  test("when the zod schema changes, then the published JSON Schema is regenerated with it", async () => {
    const current = datasetJsonSchema();
    if (process.env.UPDATE_DATASET_SCHEMA === "1") await writeFile(file, `${JSON.stringify(current, null, 2)}\n`);
    const published = JSON.parse(await readFile(file, "utf8"));
    expect(published, "docs/dataset.schema.json is stale; see the comment above").toEqual(current);
  });

  test("defines every file of a dataset folder", () => {
    expect(Object.keys(datasetJsonSchema().$defs as object)).toEqual([
      "manifest",
      "actors",
      "forums",
      "events",
      "claims",
      "evidence",
    ]);
  });
});

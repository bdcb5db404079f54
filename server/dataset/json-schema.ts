/** The dataset format as JSON Schema (docs/dataset.schema.json), generated from the zod schema so the two never drift. */
import { z } from "zod";
import { DatasetFiles } from "./schema.js";

/**
 * One JSON Schema document with a definition per file of a dataset folder, e.g. point an editor
 * at `dataset.schema.json#/$defs/claims` for claims.yaml.
 */
export function datasetJsonSchema(): Record<string, unknown> {
  const defs = Object.fromEntries(
    Object.entries(DatasetFiles).map(([file, schema]) => {
      const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
      return [file.replace(/\.yaml$/, ""), { title: file, ...json }];
    }),
  );
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Liaison dataset",
    description:
      "A Liaison dataset is a folder: manifest.yaml, actors.yaml, forums.yaml, events.yaml, claims.yaml, optionally evidence.yaml, and the source texts the manifest names. Each file is checked against the definition of the same name in $defs. Generated from server/dataset/schema.ts; see docs/dataset-format.md.",
    $defs: defs,
    anyOf: Object.keys(defs).map((name) => ({ $ref: `#/$defs/${name}` })),
  };
}

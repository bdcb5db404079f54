/** The graph's schema: labels, relationship types and property keys with counts, the span of dates and its months, for the legend, the time sliders and the console. */

import { z } from "zod";
import type { SchemaResponse } from "../../common/api-types.js";
import { DRAFT_ONLY_KEYS } from "../drafts/draft-keys.js";
import { int, temporal } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { projectionState } from "./projections.js";

const counted = z.array(z.object({ name: z.string(), count: int() }));
// Two queries, not one: together they nested deeper than the console lets an analyst's query go.
const counts = defineQuery<Record<string, never>>("graph/counts", "READ").rows({
  labels: counted,
  relationshipTypes: counted,
});
const dateSpan = defineQuery<Record<string, never>>("graph/date-span", "READ").rows({
  dateStart: temporal().nullable(),
  dateEnd: temporal().nullable(),
});
const propertyKeys = defineQuery<{ hidden: readonly string[] }>("graph/property-keys", "READ").rows({
  key: z.string(),
});

/** @example (await graphSchema(runner)).labels // [{ name: "Actor", count: 60 }, …] */
export async function graphSchema(runner: QueryRunner, signal?: AbortSignal): Promise<SchemaResponse> {
  const [countsResult, spanResult, keysResult, projection] = await Promise.all([
    runner.run(counts, {}, { signal }),
    runner.run(dateSpan, {}, { signal }),
    runner.run(propertyKeys, { hidden: DRAFT_ONLY_KEYS }, { signal }),
    projectionState(runner, signal),
  ]);
  const [record] = countsResult.rows;
  const [span] = spanResult.rows;
  const start = span?.dateStart;
  const end = span?.dateEnd;
  return {
    labels: record?.labels ?? [],
    relationshipTypes: record?.relationshipTypes ?? [],
    propertyKeys: keysResult.rows.map((row) => row.key),
    dateRange: start && end ? { start, end } : null,
    dateStops: projection.dates?.months ?? null,
  };
}

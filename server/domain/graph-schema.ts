/** GET /api/schema: labels, relationship types and property keys with counts, the span of dates and its months, for the legend, the time sliders and the console. */
import type { SchemaResponse } from "../../common/api-types.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { toJson } from "../neo4j/to-elements.js";
import { projectionState } from "./projections.js";

// Two queries, not one: together they nested deeper than the console lets an analyst's query go.
const counts = defineQuery<Record<string, never>>("graph/counts", "READ");
const dateSpan = defineQuery<Record<string, never>>("graph/date-span", "READ");
const propertyKeys = defineQuery<Record<string, never>>("graph/property-keys", "READ");

/** @example (await graphSchema(runner)).labels // [{ name: "Actor", count: 60 }, …] */
export async function graphSchema(runner: QueryRunner, signal?: AbortSignal): Promise<SchemaResponse> {
  const [countsResult, spanResult, keysResult, projection] = await Promise.all([
    runner.run(counts, {}, { signal }),
    runner.run(dateSpan, {}, { signal }),
    runner.run(propertyKeys, {}, { signal }),
    projectionState(runner, signal),
  ]);
  const record = countsResult.records[0];
  const span = spanResult.records[0];
  const counted = (value: unknown) =>
    (toJson(value) as { name: string; count: number }[] | null)?.map(({ name, count }) => ({ name, count })) ?? [];
  const start = toJson(span?.get("dateStart")) as string | null;
  const end = toJson(span?.get("dateEnd")) as string | null;
  return {
    labels: counted(record?.get("labels")),
    relationshipTypes: counted(record?.get("relationshipTypes")),
    propertyKeys: keysResult.records.map((row) => String(row.get("key"))),
    dateRange: start && end ? { start, end } : null,
    dateStops: projection.dates?.months ?? null,
  };
}

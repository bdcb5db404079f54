/** GET /api/timeline: dated events and claims in order, with their date precision. */
import type { Node } from "neo4j-driver";
import type { DatePrecision, TimelineEntry, TimelineResponse } from "../../common/api-types.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { nodeLabel, toJson } from "../neo4j/to-elements.js";

export const TIMELINE_TYPES = ["Event", "Claim"] as const;
type TimelineType = (typeof TIMELINE_TYPES)[number];

const entries = defineQuery<{ types: readonly TimelineType[]; from: string | null; to: string | null; limit: number }>(
  "timeline/entries",
  "READ",
);

export interface TimelineOptions {
  types?: readonly TimelineType[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/**
 * Entries ordered by start date, then end date, then id.
 * @example await timeline(runner, { from: "2022", to: "2023", limit: 500 })
 */
export async function timeline(
  runner: QueryRunner,
  options: TimelineOptions,
  signal?: AbortSignal,
): Promise<TimelineResponse> {
  const { records } = await runner.run(
    entries,
    {
      types: options.types ?? TIMELINE_TYPES,
      from: options.from ?? null,
      to: options.to ?? null,
      limit: options.limit,
    },
    { signal },
  );
  const list: TimelineEntry[] = records.slice(0, options.limit).map((record) => {
    const node = record.get("node") as Node;
    const properties = node.properties as Record<string, unknown>;
    const id = String(properties.id ?? node.elementId);
    const start = toJson(record.get("start")) as string;
    const end = (toJson(record.get("end")) as string | null) ?? start;
    return {
      id,
      type: node.labels.includes("Event") ? "Event" : "Claim",
      label: nodeLabel(properties, id),
      kind: String(properties.kind ?? ""),
      date: {
        start,
        end,
        precision: ((record.get("precision") as string | null) ?? "day") as DatePrecision,
        text: (record.get("text") as string | null) ?? (start === end ? start : `${start} – ${end}`),
      },
    };
  });
  return { entries: list, truncated: records.length > options.limit };
}

/**
 * Zod schemas of the values a query's columns hold, which turn driver values into plain typed
 * values at the boundary: integers into numbers, temporals into ISO strings, nodes, relationships
 * and paths into the plain shapes ElementCollector takes. Query modules build their row schemas
 * from these (see `defineQuery(…).rows(…)`), so domain code never reads `record.get("x") as …`.
 */
import { isInt, isNode, isPath, isRelationship, type Node, type Relationship } from "neo4j-driver";
import { z } from "zod";
import { registerConverter, registerEmptyWhenNull } from "./row-decoder.js";
import { type GraphNode, type GraphPath, type GraphRelationship, safeNumber, toJson } from "./to-elements.js";

/** What a value is, for a decoding error: `string "x"`, `Integer 3`, `Node`… */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

/**
 * A schema that turns `value` into `T` with `convert`, or fails with "expected <what>"; row
 * decoders compiled from it call `convert` straight (server/neo4j/row-decoder.ts).
 */
function driverValue<T>(what: string, convert: (value: unknown) => T | undefined) {
  const schema = z.unknown().transform((value, context): T => {
    const converted = convert(value);
    if (converted === undefined) {
      context.addIssue({ code: "custom", message: `expected ${what}, got ${describeValue(value)}` });
      return z.NEVER;
    }
    return converted;
  });
  return registerConverter(schema, convert);
}

/**
 * An integer (a driver Integer, a bigint or a whole JS number) as a number. Past 2^53 it fails
 * rather than round: no count of Liaison's comes near, so one that does is a bug to see.
 * @example int().parse(neo4j.int(42)) === 42
 */
export const int = () =>
  driverValue("an integer", (value) => {
    if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
    if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
    if (isInt(value)) return safeNumber(value);
    return undefined;
  });

/** A float or an integer (a Lucene score, a claim's value) as a number. */
export const num = () =>
  driverValue("a number", (value) => {
    if (typeof value === "number") return value;
    if (isInt(value)) return safeNumber(value);
    return undefined;
  });

/** A Date, DateTime, LocalDateTime, Time or Duration as its ISO string. */
export const temporal = () =>
  driverValue("a date or time", (value) => {
    if (value === null || typeof value !== "object" || isInt(value) || Array.isArray(value)) return undefined;
    const json = toJson(value);
    return typeof json === "string" ? json : undefined;
  });

/** Any value as JSON (toJson's rules): for maps whose keys a query does not fix, such as node properties. */
export const json = () =>
  registerConverter(
    z.unknown().transform((value) => toJson(value)),
    (value) => toJson(value),
  );

/** A map of JSON values (a Cypher map projection whose keys vary), e.g. a passage or source map. */
export const jsonMap = () =>
  driverValue("a map", (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const map: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) map[key] = toJson(item);
    return map;
  });

/** Properties as JSON values (a loop: this runs for every node and relationship of a result). */
function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in properties) out[key] = toJson(properties[key]);
  return out;
}

const plainNode = (node: Node): GraphNode => ({
  elementId: node.elementId,
  labels: node.labels.slice(),
  properties: plainProperties(node.properties),
});

const plainRelationship = (rel: Relationship): GraphRelationship => ({
  elementId: rel.elementId,
  type: rel.type,
  startNodeElementId: rel.startNodeElementId,
  endNodeElementId: rel.endNodeElementId,
  properties: plainProperties(rel.properties),
});

/** A node: element id, labels and JSON-safe properties. */
export const node = () => driverValue("a node", (value) => (isNode(value) ? plainNode(value) : undefined));

/** A relationship: element ids of itself and its ends, type and JSON-safe properties. */
export const relationship = () =>
  driverValue("a relationship", (value) => (isRelationship(value) ? plainRelationship(value) : undefined));

/** A path: its first node and each segment's relationship and end node. */
export const path = () =>
  driverValue("a path", (value): GraphPath | undefined =>
    isPath(value)
      ? {
          start: plainNode(value.start),
          segments: value.segments.map((segment) => ({
            end: plainNode(segment.end),
            relationship: plainRelationship(segment.relationship),
          })),
        }
      : undefined,
  );

/** A list that Cypher may give as null (a missing property): null becomes the empty list. */
export const listOrEmpty = <T extends z.ZodType>(item: T) =>
  registerEmptyWhenNull(
    z
      .array(item)
      .nullable()
      .transform((list) => list ?? []),
    z.array(item),
  );

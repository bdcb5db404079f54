/** Records → Cytoscape elements and JSON-safe values: the only place Neo4j types (Integer, temporals, Node, Relationship, Path) become JSON. */
import {
  type Integer,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from "neo4j-driver";
import { type EdgeData, type Elements, NODE_TYPES, type NodeData, type NodeType } from "../../common/api-types.js";

/** A node as ElementCollector reads it: a driver Node, or the plain node a row schema decoded (server/neo4j/columns.ts). */
export interface GraphNode {
  elementId: string;
  labels: readonly string[];
  properties: Record<string, unknown>;
}

/** A relationship as ElementCollector reads it: a driver Relationship or a decoded one. */
export interface GraphRelationship {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}

/** A path as ElementCollector reads it: a driver Path or a decoded one. */
export interface GraphPath {
  start: GraphNode;
  segments: readonly { end: GraphNode; relationship: GraphRelationship }[];
}

/**
 * Properties never copied into element data: too large for a canvas (a source's text, available
 * from GET /api/nodes/:id), or the app's own bookkeeping: the span classes the timeline's window
 * reads by (server/domain/span-classes.ts) and the folded name keys and alias text search reads
 * by (server/lib/search-words.ts), which repeat `name` and `aliases` on every node sent.
 */
const HEAVY_PROPERTIES = new Set(["content", "dateSpanClass", "periodSpanClass", "nameKeys", "aliasText"]);

const nodeTypes: ReadonlySet<string> = new Set(NODE_TYPES);

/**
 * A driver Integer as a number when it is within ±(2^53 − 1), else undefined: what
 * `inSafeRange() ? toNumber() : …` gives, read from its two 32-bit halves. inSafeRange compares
 * with Integer arithmetic (allocating Integers), the first cost of decoding big results.
 * @example safeNumber(neo4j.int(42)) === 42
 */
export function safeNumber(value: Integer): number | undefined {
  const { high, low } = value;
  // |value| < 2^53 exactly when the high half is in (−2^21, 2^21), or is −2^21 with a nonzero low half.
  if (high >= 0x200000 || high < -0x200000 || (high === -0x200000 && low === 0)) return undefined;
  return high * 4294967296 + (low >>> 0);
}

/** A date field (an Integer, or a number when the driver gives numbers) as a number. */
const field = (value: unknown): number | undefined =>
  typeof value === "number" ? value : isInt(value) ? safeNumber(value) : undefined;

/**
 * A Neo4j Date as its ISO string, as its toString() writes it (years past 9999 or before 0 with a
 * sign and six digits) without the driver's Integer arithmetic, ~5 µs a date: a timeline page
 * holds two thousand.
 * @example isoDate(new neo4j.types.Date(2025, 5, 9)) === "2025-05-09"
 */
export function isoDate(date: { year: unknown; month: unknown; day: unknown }): string {
  const year = field(date.year);
  const month = field(date.month);
  const day = field(date.day);
  if (year === undefined || month === undefined || day === undefined) return String(date);
  const yyyy =
    year < 0 || year > 9999
      ? `${year < 0 ? "-" : "+"}${String(Math.abs(year)).padStart(6, "0")}`
      : String(year).padStart(4, "0");
  return `${yyyy}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A Neo4j value as JSON: integers as numbers where safe and as strings beyond 2^53, temporals as
 * ISO strings, points as `{ srid, x, y, z? }`, and graph values through `graph` when given (as
 * references `{ $node }`, `{ $rel }`, `{ $path }`) or as their data otherwise.
 * @example toJson(neo4j.int(42)) === 42
 */
export function toJson(value: unknown, graph?: ElementCollector): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return bigToJson(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (isInt(value)) return safeNumber(value) ?? value.toString();
  if (isDate(value)) return isoDate(value);
  if (isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isPoint(value)) {
    const point = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toJson(point.srid), x: point.x, y: point.y, ...(point.z === undefined ? {} : { z: point.z }) };
  }
  const collector = graph ?? new ElementCollector();
  if (isNode(value)) {
    const data = collector.addNode(value);
    return graph ? { $node: data.id } : data;
  }
  if (isRelationship(value)) {
    const data = collector.addRelationship(value);
    return graph ? { $rel: data.id } : data;
  }
  if (isPath(value)) {
    const ref = collector.addPath(value);
    return graph ? { $path: ref } : collector.elements();
  }
  if (value instanceof Uint8Array || value instanceof Int8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((item) => toJson(item, graph));
  if (typeof value === "object") {
    const typed = value as { toString?: () => string; constructor?: { name?: string } };
    // Vectors and other driver value classes without a JSON shape of their own.
    if (typed.constructor && typed.constructor !== Object && typeof typed.toString === "function") {
      const name = typed.constructor.name ?? "";
      if (/Vector|UUID|Unsupported/i.test(name)) return typed.toString();
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item, graph)]));
  }
  return String(value);
}

function bigToJson(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

/** The main label of a node: the first of Liaison's node types it carries, else its first label. */
export function nodeType(labels: readonly string[]): NodeType {
  return (labels.find((label) => nodeTypes.has(label)) ?? labels[0] ?? "Node") as NodeType;
}

/** What a node shows on the canvas: its name, else its title, claim text or exact quotation, else its id. */
export function nodeLabel(properties: Record<string, unknown>, fallback: string): string {
  for (const key of ["name", "title", "text", "exact"]) {
    const value = properties[key];
    if (typeof value === "string" && value.length > 0) return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  }
  return fallback;
}

/**
 * Collects unique nodes and relationships from any number of values and yields Cytoscape
 * elements. Node ids are the nodes' `id` property (their element id when they have none); edge
 * ids are `${source}|${type}|${target}`, with `|2`, `|3`… for further parallel edges of one type.
 */
export class ElementCollector {
  private readonly nodes = new Map<string, NodeData>();
  private readonly edges = new Map<string, EdgeData>();
  /** Neo4j element id → node id, for relationship endpoints. */
  private readonly nodeIds = new Map<string, string>();
  /** Relationship element id → edge id. */
  private readonly edgeIds = new Map<string, string>();
  private readonly parallel = new Map<string, number>();

  /** Adds a node (once) and returns its data; `extra` fields are merged into it. */
  addNode(node: GraphNode, extra: Partial<NodeData> = {}): NodeData {
    const properties = node.properties;
    const id = typeof properties.id === "string" ? properties.id : node.elementId;
    const existing = this.nodes.get(id);
    if (existing) {
      Object.assign(existing, extra);
      return existing;
    }
    const data: Record<string, unknown> = { id, type: nodeType(node.labels), label: nodeLabel(properties, id) };
    for (const [key, value] of Object.entries(properties)) {
      if (!HEAVY_PROPERTIES.has(key) && !(key in data)) data[key] = toJson(value);
    }
    Object.assign(data, extra);
    // The one place stored properties become contract data: the loader writes them by the dataset
    // schema, and tests/integration/api-contract.test.ts checks real responses against NodeData.
    const typed = data as NodeData;
    this.nodes.set(id, typed);
    this.nodeIds.set(node.elementId, id);
    return typed;
  }

  /** Adds a relationship (once) and returns its data; its endpoints are named by their node ids when known. */
  addRelationship(rel: GraphRelationship): EdgeData {
    const known = this.edgeIds.get(rel.elementId);
    if (known) return this.edges.get(known) as EdgeData;
    const source = this.nodeIds.get(rel.startNodeElementId) ?? rel.startNodeElementId;
    const target = this.nodeIds.get(rel.endNodeElementId) ?? rel.endNodeElementId;
    const base = `${source}|${rel.type}|${target}`;
    const seen = (this.parallel.get(base) ?? 0) + 1;
    this.parallel.set(base, seen);
    const id = seen === 1 ? base : `${base}|${seen}`;
    const data: Record<string, unknown> = {
      id,
      source,
      target,
      type: rel.type,
      label: rel.type.toLowerCase().replaceAll("_", " "),
    };
    for (const [key, value] of Object.entries(rel.properties)) {
      if (!(key in data)) data[key] = toJson(value);
    }
    // As for nodes: stored properties by the dataset schema, checked against EdgeData by the contract test.
    const typed = data as EdgeData;
    this.edges.set(id, typed);
    this.edgeIds.set(rel.elementId, id);
    return typed;
  }

  /** Adds every node and relationship of a path; returns the ordered ids it runs through. */
  addPath(path: GraphPath): { nodes: string[]; edges: string[] } {
    const nodes = [this.addNode(path.start).id];
    const edges: string[] = [];
    for (const segment of path.segments) {
      nodes.push(this.addNode(segment.end).id);
      edges.push(this.addRelationship(segment.relationship).id);
    }
    return { nodes, edges };
  }

  /** Adds whatever graph values a value holds, at any depth of lists and maps. */
  addAny(value: unknown): void {
    this.walk(value, true);
  }

  /**
   * Adds only the nodes a value holds, at any depth (paths included). Called on a whole result
   * before its relationships, so that edges name their endpoints by node id whatever the order.
   */
  addNodesOf(value: unknown): void {
    this.walk(value, false);
  }

  private walk(value: unknown, relationships: boolean): void {
    if (value === null || typeof value !== "object") return;
    if (isNode(value)) this.addNode(value);
    else if (isRelationship(value)) {
      if (relationships) this.addRelationship(value);
    } else if (isPath(value)) {
      if (relationships) this.addPath(value);
      else for (const node of [value.start, ...value.segments.map((segment) => segment.end)]) this.addNode(node);
    } else if (Array.isArray(value)) for (const item of value) this.walk(item, relationships);
    else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const item of Object.values(value)) this.walk(item, relationships);
    }
  }

  node(id: string): NodeData | undefined {
    return this.nodes.get(id);
  }

  edge(id: string): EdgeData | undefined {
    return this.edges.get(id);
  }

  /** How many nodes and edges have been collected so far. */
  get size(): number {
    return this.nodes.size + this.edges.size;
  }

  /**
   * The collected elements. Edges whose endpoints were not collected are left out, since a
   * Cytoscape edge needs both its nodes.
   */
  elements(): Elements {
    return {
      nodes: [...this.nodes.values()].map((data) => ({ data })),
      edges: [...this.edges.values()]
        .filter((edge) => this.nodes.has(edge.source) && this.nodes.has(edge.target))
        .map((data) => ({ data })),
    };
  }
}

/**
 * Turns records into elements: every node, relationship and path in any field.
 * @example recordsToElements(result.records).nodes.length
 */
export function recordsToElements(records: readonly { keys: readonly PropertyKey[]; get(key: string): unknown }[]) {
  const collector = new ElementCollector();
  const values = records.flatMap((record) => record.keys.map((key) => record.get(String(key))));
  for (const value of values) collector.addNodesOf(value);
  for (const value of values) collector.addAny(value);
  return collector.elements();
}

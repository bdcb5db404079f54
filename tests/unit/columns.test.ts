import neo4j, { Date as Neo4jDate, Record as Neo4jRecord, Node, Path, PathSegment, Relationship } from "neo4j-driver";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { int, jsonMap, listOrEmpty, node, num, path, relationship, temporal } from "../../server/neo4j/columns.js";
import { decodeRows, defineQuery, RowShapeError } from "../../server/neo4j/query-runner.js";

const lavrov = new Node(neo4j.int(1), ["Actor"], { id: "actor:sergey-lavrov", born: neo4j.int(1950) }, "e1");
const meeting = new Node(
  neo4j.int(2),
  ["Event"],
  { id: "event:m", dateStart: new Neo4jDate(neo4j.int(2022), neo4j.int(2), neo4j.int(1)) },
  "e2",
);
const took = new Relationship(
  neo4j.int(10),
  neo4j.int(1),
  neo4j.int(2),
  "PARTICIPATED_IN",
  { n: neo4j.int(3) },
  "r10",
  "e1",
  "e2",
);

describe("column schemas", () => {
  test("when a column holds a driver integer, then int() gives a number, and past 2^53 it fails", () => {
    expect(int().parse(neo4j.int(42))).toBe(42);
    expect(int().parse(7)).toBe(7);
    expect(int().safeParse(neo4j.int("9007199254740993")).success).toBe(false);
    expect(int().safeParse("7").success).toBe(false);
    expect(int().nullable().parse(null)).toBeNull();
  });

  test("when a column holds a float or an integer, then num() gives a number", () => {
    expect(num().parse(0.5)).toBe(0.5);
    expect(num().parse(neo4j.int(2))).toBe(2);
  });

  test("when a column holds a temporal, then temporal() gives its ISO string, and anything else fails", () => {
    expect(temporal().parse(new Neo4jDate(neo4j.int(2025), neo4j.int(5), neo4j.int(9)))).toBe("2025-05-09");
    expect(temporal().safeParse("2025-05-09").success).toBe(false);
    expect(temporal().safeParse(neo4j.int(3)).success).toBe(false);
  });

  test("when a column holds a node or a relationship, then it becomes a plain one with JSON-safe properties", () => {
    expect(node().parse(meeting)).toEqual({
      elementId: "e2",
      labels: ["Event"],
      properties: { id: "event:m", dateStart: "2022-02-01" },
    });
    expect(relationship().parse(took)).toEqual({
      elementId: "r10",
      type: "PARTICIPATED_IN",
      startNodeElementId: "e1",
      endNodeElementId: "e2",
      properties: { n: 3 },
    });
    expect(node().safeParse(took).success).toBe(false);
  });

  test("when a column holds a path, then path() gives its start and each segment's relationship and end", () => {
    const decoded = path().parse(new Path(lavrov, meeting, [new PathSegment(lavrov, took, meeting)]));
    expect(decoded.start.properties).toEqual({ id: "actor:sergey-lavrov", born: 1950 });
    expect(decoded.segments.map((segment) => [segment.relationship.type, segment.end.elementId])).toEqual([
      ["PARTICIPATED_IN", "e2"],
    ]);
  });

  test("when a map or a list is null or holds driver values, then jsonMap() and listOrEmpty() give plain values", () => {
    expect(jsonMap().parse({ start: neo4j.int(4), title: "T" })).toEqual({ start: 4, title: "T" });
    expect(listOrEmpty(z.string()).parse(null)).toEqual([]);
  });
});

describe("decodeRows", () => {
  const query = defineQuery<Record<string, never>>("nodes/by-id", "READ").rows({
    node: node(),
    degree: int(),
    evidenceCount: int(),
  });

  test("when records fit the row schema, then typed rows come out", () => {
    const record = new Neo4jRecord(["node", "degree", "evidenceCount"], [lavrov, neo4j.int(5), neo4j.int(0)]);
    const [row] = decodeRows(query, [record]);
    expect(row?.degree).toBe(5);
    expect(row?.node.properties.id).toBe("actor:sergey-lavrov");
  });

  test("when a column is missing or of another type, then RowShapeError names the query and the column", () => {
    const renamed = new Neo4jRecord(["node", "degree", "evidence"], [lavrov, neo4j.int(5), neo4j.int(0)]);
    expect(() => decodeRows(query, [renamed])).toThrow(RowShapeError);
    expect(() => decodeRows(query, [renamed])).toThrow(/nodes\/by-id: column evidenceCount/);
    const wrong = new Neo4jRecord(["node", "degree", "evidenceCount"], [lavrov, "five", neo4j.int(0)]);
    expect(() => decodeRows(query, [wrong])).toThrow(expect.objectContaining({ code: "INTERNAL" }));
  });
});

import neo4j, { DateTime, Date as Neo4jDate, Node, Path, PathSegment, Relationship } from "neo4j-driver";
import { describe, expect, test } from "vitest";
import { ElementCollector, isoDate, recordsToElements, safeNumber, toJson } from "../../server/neo4j/to-elements.js";

const int = neo4j.int;
const lavrov = new Node(int(1), ["Actor"], { id: "actor:sergey-lavrov", name: "Sergey Lavrov", born: int(1950) }, "e1");
const meetings = new Node(
  int(2),
  ["Event"],
  { id: "event:wang-yi-lavrov-meetings", name: "Meetings", dateStart: new Neo4jDate(int(2022), int(2), int(1)) },
  "e2",
);
const source = new Node(int(3), ["Source"], { id: "source:s", title: "T", content: "the whole article" }, "e3");
const took = new Relationship(
  int(10),
  int(1),
  int(2),
  "PARTICIPATED_IN",
  { evidence: ["passage:p"] },
  "r10",
  "e1",
  "e2",
);
const tookAgain = new Relationship(int(11), int(1), int(2), "PARTICIPATED_IN", {}, "r11", "e1", "e2");

const record = (fields: Record<string, unknown>) => ({ keys: Object.keys(fields), get: (key: string) => fields[key] });

describe("toJson", () => {
  test("when integers are safe, then numbers; beyond 2^53, then strings", () => {
    expect(toJson(int(42))).toBe(42);
    expect(toJson(int("9007199254740993"))).toBe("9007199254740993");
    expect(toJson(BigInt("9007199254740993"))).toBe("9007199254740993");
  });

  test("when values are temporal, then ISO strings", () => {
    expect(toJson(new Neo4jDate(int(2025), int(5), int(9)))).toBe("2025-05-09");
    expect(toJson(new DateTime(int(2025), int(5), int(9), int(10), int(0), int(0), int(0), int(0)))).toBe(
      "2025-05-09T10:00:00Z",
    );
  });

  test("when a graph value is given with a collector, then a reference comes out and the element is collected", () => {
    const collector = new ElementCollector();
    collector.addNodesOf([lavrov, meetings]);
    expect(toJson({ who: lavrov, rel: took }, collector)).toEqual({
      who: { $node: "actor:sergey-lavrov" },
      rel: { $rel: "actor:sergey-lavrov|PARTICIPATED_IN|event:wang-yi-lavrov-meetings" },
    });
    expect(toJson(new Path(lavrov, meetings, [new PathSegment(lavrov, took, meetings)]), collector)).toEqual({
      $path: {
        nodes: ["actor:sergey-lavrov", "event:wang-yi-lavrov-meetings"],
        edges: ["actor:sergey-lavrov|PARTICIPATED_IN|event:wang-yi-lavrov-meetings"],
      },
    });
  });

  test("when NaN or Infinity come back, then strings, since JSON has no such numbers", () => {
    expect(toJson(Number.NaN)).toBe("NaN");
    expect(toJson([Number.POSITIVE_INFINITY])).toEqual(["Infinity"]);
  });
});

describe("safeNumber", () => {
  test("when an Integer is at or past the edges of ±(2^53 − 1), then it is a number exactly when inSafeRange says so", () => {
    const edges = ["9007199254740991", "9007199254740992", "-9007199254740991", "-9007199254740992"];
    const around = ["0", "-1", "1", "4294967295", "4294967296", "-4294967296", "-4294967297", "9223372036854775807"];
    const more = ["-9223372036854775808", "9007194959773696", "-9007194959773696", "-9007194959773697"];
    for (const text of [...edges, ...around, ...more]) {
      const value = neo4j.int(text);
      expect(safeNumber(value)).toBe(value.inSafeRange() ? value.toNumber() : undefined);
    }
  });
});

describe("isoDate", () => {
  test("when a Date has a year of any size or sign, then its ISO string is the driver's own", () => {
    for (const year of [-10000, -5, 0, 5, 999, 2025, 9999, 10000, 123456]) {
      for (const [month, day] of [
        [1, 1],
        [5, 9],
        [12, 31],
      ] as const) {
        const date = new Neo4jDate(neo4j.int(year), neo4j.int(month), neo4j.int(day));
        expect(isoDate(date)).toBe(date.toString());
        expect(isoDate(new Neo4jDate(year, month, day))).toBe(date.toString());
      }
    }
  });
});

describe("recordsToElements", () => {
  test("when records hold nodes and relationships in any order, then unique nodes and edges named by node ids", () => {
    const elements = recordsToElements([record({ r: took, a: lavrov, b: meetings }), record({ a: lavrov, r: took })]);
    expect(elements.nodes.map((node) => node.data.id)).toEqual([
      "actor:sergey-lavrov",
      "event:wang-yi-lavrov-meetings",
    ]);
    expect(elements.nodes[0]?.data).toMatchObject({ type: "Actor", label: "Sergey Lavrov", born: 1950 });
    expect(elements.nodes[1]?.data).toMatchObject({ type: "Event", dateStart: "2022-02-01" });
    expect(elements.edges).toEqual([
      {
        data: {
          id: "actor:sergey-lavrov|PARTICIPATED_IN|event:wang-yi-lavrov-meetings",
          source: "actor:sergey-lavrov",
          target: "event:wang-yi-lavrov-meetings",
          type: "PARTICIPATED_IN",
          label: "participated in",
          evidence: ["passage:p"],
        },
      },
    ]);
  });

  test("when two relationships of one type join the same nodes, then the second gets a numbered id", () => {
    const elements = recordsToElements([record({ a: lavrov, b: meetings, r1: took, r2: tookAgain })]);
    expect(elements.edges.map((edge) => edge.data.id)).toEqual([
      "actor:sergey-lavrov|PARTICIPATED_IN|event:wang-yi-lavrov-meetings",
      "actor:sergey-lavrov|PARTICIPATED_IN|event:wang-yi-lavrov-meetings|2",
    ]);
  });

  test("when a relationship's endpoints are not in the result, then its edge is left out of the elements", () => {
    expect(recordsToElements([record({ r: took })]).edges).toEqual([]);
  });

  test("when a node holds a source's full text, then the canvas data leaves it out", () => {
    expect(recordsToElements([record({ s: source })]).nodes[0]?.data).not.toHaveProperty("content");
  });
});

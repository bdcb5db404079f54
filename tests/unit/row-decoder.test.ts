import neo4j, { Date as Neo4jDate, Record as Neo4jRecord, Node, Relationship } from "neo4j-driver";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { int, json, jsonMap, listOrEmpty, node, num, relationship, temporal } from "../../server/neo4j/columns.js";
import { compileDecoder, compileRowDecoder, FAIL } from "../../server/neo4j/row-decoder.js";

const actor = new Node(neo4j.int(1), ["Actor"], { id: "actor:a", born: neo4j.int(1950) }, "e1");
const rel = new Relationship(
  neo4j.int(9),
  neo4j.int(1),
  neo4j.int(1),
  "MET",
  { count: neo4j.int(3) },
  "r9",
  "e1",
  "e1",
);
const day = new Neo4jDate(neo4j.int(2025), neo4j.int(5), neo4j.int(9));

/** Each schema with values it must accept and values it must refuse, as zod does. */
const cases: [string, z.ZodType, unknown[]][] = [
  ["string", z.string(), ["x", "", 3, null, undefined, ["x"]]],
  ["string with a check", z.string().min(2), ["xy", "x"]],
  ["number", z.number(), [1.5, 0, Number.NaN, Number.POSITIVE_INFINITY, "1", neo4j.int(1)]],
  ["integer number", z.number().int(), [3, 3.5]],
  ["boolean", z.boolean(), [true, false, 0, "true"]],
  ["enum", z.enum(["keys", "names"]), ["keys", "names", "text", null]],
  ["literal", z.literal("Event"), ["Event", "Claim"]],
  ["nullable", z.string().nullable(), [null, "x", undefined, 1]],
  ["optional", z.string().optional(), [undefined, "x", null]],
  ["array", z.array(z.string()), [[], ["a", "b"], ["a", 1], null, "ab", {}]],
  ["unknown", z.unknown(), [undefined, null, { a: 1 }]],
  [
    "object",
    z.object({ id: z.string(), name: z.string().nullable(), note: z.string().optional() }),
    [
      { id: "a", name: null },
      { id: "a", name: "A", note: "n", extra: 1 },
      { id: "a", name: "A", note: undefined },
      { id: "a" },
      { name: null },
      [],
      null,
      "a",
    ],
  ],
  ["strict object", z.strictObject({ id: z.string() }), [{ id: "a" }, { id: "a", extra: 1 }]],
  ["record", z.record(z.string(), z.number()), [{ a: 1 }, { a: "1" }]],
  ["int()", int(), [neo4j.int(42), 7, 7.5, BigInt(9), neo4j.int("9007199254740993"), "7", null]],
  ["int().nullable()", int().nullable(), [null, neo4j.int(1), undefined]],
  ["num()", num(), [0.25, neo4j.int(2), "0.25", null]],
  ["temporal()", temporal(), [day, "2025-05-09", neo4j.int(3), null, [day]]],
  ["node()", node(), [actor, rel, null, { elementId: "e1" }]],
  ["relationship()", relationship(), [rel, actor]],
  ["json()", json(), [neo4j.int(4), { at: day }, null, undefined]],
  ["jsonMap()", jsonMap(), [{ start: neo4j.int(4) }, null, [1], "m"]],
  ["listOrEmpty(int())", listOrEmpty(int()), [null, [neo4j.int(1), 2], [1.5], undefined, "x"]],
  [
    "a row of nested columns",
    z.object({
      a: node(),
      years: listOrEmpty(int()),
      reported: z.array(z.object({ claim: z.string(), value: num().nullable() })),
      tier: z.enum(["keys", "text"]),
    }),
    [
      { a: actor, years: null, reported: [{ claim: "c", value: null }], tier: "keys" },
      { a: actor, years: [neo4j.int(2020)], reported: [{ claim: "c", value: neo4j.int(2) }], tier: "text" },
      { a: actor, years: [neo4j.int(2020)], reported: [{ claim: "c", value: "2" }], tier: "text" },
      { a: rel, years: null, reported: [], tier: "keys" },
      { a: actor, years: null, reported: [], tier: "other" },
    ],
  ],
];

describe("compileDecoder", () => {
  test.each(cases)(
    "when a %s column is decoded, then the compiled decoder accepts and gives exactly what zod does",
    (_name, schema, values) => {
      const decode = compileDecoder(schema);
      for (const value of values) {
        const parsed = schema.safeParse(value);
        const decoded = decode(value);
        if (parsed.success) expect(decoded).toEqual(parsed.data);
        else expect(decoded).toBe(FAIL);
      }
    },
  );

  test("when an optional key is absent, then it stays absent in the decoded object, as zod leaves it", () => {
    const decoded = compileDecoder(z.object({ id: z.string(), note: z.string().optional() }))({ id: "a" });
    expect(decoded).toEqual({ id: "a" });
    expect(Object.keys(decoded as object)).toEqual(["id"]);
  });

  test("when records are decoded column by column, then each row is what zod gives for the record's object", () => {
    const row = z.object({ node: node(), degree: int(), note: z.string().optional(), tags: listOrEmpty(z.string()) });
    const decode = compileRowDecoder(row);
    const records = [
      new Neo4jRecord(["node", "degree", "tags"], [actor, neo4j.int(5), null]),
      new Neo4jRecord(["node", "degree", "note", "tags"], [actor, neo4j.int(5), "n", ["a"]]),
      new Neo4jRecord(["node", "degree", "extra", "tags"], [actor, neo4j.int(5), 1, []]),
      new Neo4jRecord(["node", "tags"], [actor, null]),
      new Neo4jRecord(["node", "degree", "tags"], [actor, "five", null]),
    ];
    for (const record of records) {
      const parsed = row.safeParse(record.toObject());
      if (parsed.success) expect(decode(record)).toEqual(parsed.data);
      else expect(decode(record)).toBe(FAIL);
    }
  });
});

import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ImportCsv } from "../../server/dataset/bulk-csv.js";
import {
  ACTOR_COLUMNS,
  claimPairs,
  MET_COLUMNS,
  MetAggregator,
  metProps,
  type SharedEvent,
} from "../../server/dataset/bulk-met.js";
import { compareCodePoints } from "../../server/dataset/code-points.js";
import { EVENT_SAMPLE } from "../../server/domain/met-projection.js";

const event = (id: string, start: string | null, end: string | null = start, forums: string[] = []): SharedEvent => ({
  id,
  start,
  end,
  forums,
});

/** The pair's names: the counterpart lists' order keys (pageLow, pageHigh). */
const names = { a: "Al", b: "Bea" };

describe("metProps", () => {
  test("when some shared events are undated, then they count as undated and come last in the sample, which is in date order and by id DESC among equal dates", () => {
    const props = metProps(
      "actor:a",
      "actor:b",
      [
        event("event:d1", "2020-01-01"),
        event("event:u1", null),
        event("event:d3", "2021-05-01", "2021-05-03"),
        event("event:d2", "2020-01-01"),
        event("event:u2", null),
      ],
      [],
      names,
    );
    expect(props).toEqual({
      pair: "actor:a|actor:b",
      count: 5,
      first: "2020-01-01",
      last: "2021-05-03",
      years: [2020, 2021],
      yearCounts: [2, 1],
      undated: 2,
      events: ["event:d1", "event:d2", "event:d3", "event:u1", "event:u2"],
      pageLow: "actor:a\u0001999999994\u0001Bea\u0001actor:b",
      pageHigh: "actor:b\u0001999999994\u0001Al\u0001actor:a",
    });
  });

  test(`when a pair shared more than ${EVENT_SAMPLE} events, then the sample is the latest ${EVENT_SAMPLE} in date order, undated ones taken first`, () => {
    const dated = Array.from({ length: 12 }, (_, i) =>
      event(`event:x${String(i).padStart(2, "0")}`, `20${10 + i}-06-01`),
    );
    const all = [...dated, event("event:u", null)].reverse();
    const props = metProps("actor:a", "actor:b", all, [], names);
    expect(props?.events).toEqual([...dated.slice(-(EVENT_SAMPLE - 1)).map((e) => e.id), "event:u"]);
    expect(props?.count).toBe(13);
    expect(props?.undated).toBe(1);
    expect(props?.years).toHaveLength(12);
  });

  test("when no shared event is dated, then years and yearCounts are empty lists, first, last and undated-less properties are absent", () => {
    const props = metProps("actor:a", "actor:b", [event("event:u", null)], [], names);
    expect(props).toEqual({
      pair: "actor:a|actor:b",
      count: 1,
      years: [],
      yearCounts: [],
      undated: 1,
      events: ["event:u"],
      pageLow: "actor:a\u0001999999998\u0001Bea\u0001actor:b",
      pageHigh: "actor:b\u0001999999998\u0001Al\u0001actor:a",
    });
  });

  test("when events share forums and claims repeat, then forums, claims and reported are distinct and sorted; absent when empty", () => {
    const props = metProps(
      "actor:a",
      "actor:b",
      [event("event:1", "2020-01-01", null, ["forum:z", "forum:a"]), event("event:2", "2020-02-01", null, ["forum:a"])],
      [
        { id: "claim:b", reported: false },
        { id: "claim:a", reported: true },
        { id: "claim:a", reported: true },
      ],
      names,
    );
    expect(props?.forums).toEqual(["forum:a", "forum:z"]);
    expect(props?.claims).toEqual(["claim:a", "claim:b"]);
    expect(props?.reported).toEqual(["claim:a"]);
    expect(props?.last).toBe("2020-02-01");
    const bare = metProps("actor:a", "actor:b", [event("event:1", "2020-01-01")], [], names);
    expect(bare && ["forums", "claims", "reported", "undated"].filter((key) => key in bare)).toEqual([]);
  });

  test("when the pair shared no event, then there is no MET, whatever claims are about both", () => {
    expect(metProps("actor:a", "actor:b", [], [{ id: "claim:a", reported: true }], names)).toBeNull();
  });
});

describe("claimPairs", () => {
  const persons = new Set(["actor:p1", "actor:p2", "actor:p3"]);
  const isPerson = (id: string) => persons.has(id);

  test("when a claim counting meetings is about two persons and a country, then every pair is reported, since it names no other person", () => {
    expect(claimPairs(["actor:p2", "actor:c", "actor:p1"], isPerson, true)).toEqual([
      { a: "actor:c", b: "actor:p1", reported: false },
      { a: "actor:c", b: "actor:p2", reported: false },
      { a: "actor:p1", b: "actor:p2", reported: true },
    ]);
  });

  test("when it is about three persons, or its unit counts no meetings, then no pair is reported", () => {
    const three = claimPairs(["actor:p1", "actor:p2", "actor:p3"], isPerson, true);
    expect(three).toHaveLength(3);
    expect(three.every((pair) => !pair.reported)).toBe(true);
    expect(claimPairs(["actor:p1", "actor:p2"], isPerson, false)).toEqual([
      { a: "actor:p1", b: "actor:p2", reported: false },
    ]);
  });
});

describe("compareCodePoints", () => {
  test("when a character above U+FFFF meets one in U+E000–U+FFFF, then it sorts after it, as Cypher orders strings", () => {
    expect(["\u{10000}", "\uffff", "a"].sort(compareCodePoints)).toEqual(["a", "\uffff", "\u{10000}"]);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
    expect(compareCodePoints("a", "a")).toBe(0);
  });
});

describe("MetAggregator", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "liaison-bulk-met-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("when records stream through it, then Actor rows get their meetings and rank and MET rows are written with typed columns and pool marks, the buckets deleted", async () => {
    const csv = new ImportCsv(dir, { Actor: ACTOR_COLUMNS, MET: MET_COLUMNS });
    const met = new MetAggregator(dir);
    for (const id of ["actor:b", "actor:a", "actor:c"]) await met.actor({ id, props: { id, kind: "person" } });
    const participated = (from: string, to: string) => ({
      type: "PARTICIPATED_IN" as const,
      row: { from, to, props: {} },
    });
    await met.record({
      nodes: [{ label: "Event", row: { id: "event:1", props: { kind: "meeting", dateStart: "2020-01-01" } } }],
      relationships: [participated("actor:b", "event:1"), participated("actor:a", "event:1")],
    });
    await met.record({
      nodes: [{ label: "Event", row: { id: "event:2", props: { kind: "speech" } } }],
      relationships: [participated("actor:a", "event:2"), participated("actor:c", "event:2")],
    });
    const projected = await met.finish(csv);
    await csv.close();
    expect(projected).toEqual({ actors: 3, pairs: 1, pooled: 2 });
    const files = await readdir(dir);
    expect(files.filter((file) => file.startsWith("met-"))).toEqual([]);
    const actorHeader = (await readFile(path.join(dir, "actor.1.header.csv"), "utf8")).trim();
    expect(actorHeader).toBe("id:ID,kind:string,meetings:long,metRank:long");
    const actors = (await readFile(path.join(dir, "actor.1.csv"), "utf8")).trim().split("\n").sort();
    expect(actors).toEqual(['"actor:a","person",1,1', '"actor:b","person",1,2', '"actor:c","person",0,']);
    const metHeader = (await readFile(path.join(dir, "met.1.header.csv"), "utf8")).trim();
    expect(metHeader).toBe(
      ":START_ID,:END_ID,pair:string,count:long,first:date,last:date,years:long[],yearCounts:long[],events:string[],pool:long",
    );
    const metRow = (await readFile(path.join(dir, "met.1.csv"), "utf8")).trim();
    expect(metRow).toBe(`"actor:a","actor:b","actor:a|actor:b",1,"2020-01-01","2020-01-01",2020,1,"event:1",2`);
  });
});

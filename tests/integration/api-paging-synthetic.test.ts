import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  HealthResponse,
  MeetingNetworkResponse,
  MeetingsResponse,
  SchemaResponse,
  SubgraphResponse,
  TimelineResponse,
} from "../../common/api-types.js";
import { meetingNetwork, OVERVIEW_DEFAULTS } from "../../server/domain/meeting-network.js";
import { meetings } from "../../server/domain/meetings.js";
import { MEETING_KINDS } from "../../server/domain/met-projection.js";
import { autoCommit, refreshProjections } from "../../server/domain/projections.js";
import { cypher } from "../../server/neo4j/cypher-files.js";
import { generate } from "../../server/synth/generate.js";
import type { TestServer } from "../support/http.js";
import { readRows, testRunner } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { coParticipation, degrees, pageThrough } from "./paging-helpers.js";

// A generated graph of about 2,500 nodes where a few hub actors meet hundreds of others: every
// list is paged with small pages, so that each test crosses many page boundaries.
let folder: string;
let api: SeededApi;
let driver: Driver;
let server: TestServer;
let busiest: string;

const get = async <T>(url: string): Promise<T> => {
  const { status, body } = await server.get(url);
  expect(status, `${url}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  return body as T;
};
const read = (cypher: string, params: Record<string, unknown> = {}) => readRows(driver, cypher, params);

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "liaison-paging-synth-"));
  await generate({ size: "tiny", seed: 5, out: folder });
  api = await seededApi({}, { dataset: folder });
  driver = api.driver;
  server = api.server;
  const [top] = await read(
    "MATCH (a:Actor) RETURN a.id AS id ORDER BY COUNT { (a)-[:PARTICIPATED_IN]->() } DESC, a.id LIMIT 1",
  );
  busiest = String(top?.id);
}, 300_000);
afterAll(async () => {
  await api?.close();
  await rm(folder, { recursive: true, force: true });
});

describe("GET /api/meetings/network on a generated graph", () => {
  test("when pairs are too many to draw, then a capped backbone comes back: few actors, few lines each", async () => {
    for (const [actors, ties, limit] of [
      [150, 3, 500],
      [40, 2, 60],
    ] as const) {
      const body = await get<MeetingNetworkResponse>(
        `/api/meetings/network?actors=${actors}&ties=${ties}&limit=${limit}`,
      );
      expect(body.selection).toMatchObject({ method: "backbone", actors, ties, limit });
      expect(body.truncated).toBe(true);
      const edges = body.elements.edges.map((edge) => edge.data);
      expect(edges.length).toBeGreaterThan(10);
      expect(edges.length).toBeLessThanOrEqual(limit);
      const degree = degrees(edges);
      expect(degree.size).toBeLessThanOrEqual(actors);
      expect(Math.max(...degree.values())).toBeLessThanOrEqual(2 * ties);
      const density = (2 * edges.length) / (degree.size * (degree.size - 1));
      expect(density).toBeLessThan(0.1);
      // Every drawn actor is a node of the answer.
      const nodes = new Set(body.elements.nodes.map((node) => node.data.id));
      for (const id of degree.keys()) expect(nodes.has(id)).toBe(true);
    }
  });

  test("when the first view is asked, then it is the backbone the projection stored, the one the pool gives over all years", async () => {
    const first = await get<MeetingNetworkResponse>("/api/meetings/network");
    // Any window makes the backbone be chosen from the pool again; this one holds every year.
    const chosen = await get<MeetingNetworkResponse>("/api/meetings/network?from=1000&to=9999");
    const lines = (body: MeetingNetworkResponse) => body.elements.edges.map(({ data }) => `${data.id} ${data.weight}`);
    expect(first.selection.method).toBe("backbone");
    expect(lines(first)).toEqual(lines(chosen));
    expect(first.selection).toEqual(chosen.selection);
    expect(first.truncated).toBe(chosen.truncated);
    const [stored] = await read("MATCH (p:Projection) RETURN p.overviewPairs AS pairs");
    expect(first.elements.edges.map(({ data }) => `${data.source}|${data.target}`)).toEqual(stored?.pairs);
    // Asked again: the bytes written for the first answer, the same JSON (parsed as JSON by its type).
    expect((await server.get("/api/meetings/network")).body).toEqual(first);
  });

  test("when the first view is asked again, then it is the one drawn before until a projection stamps the derived data anew", async () => {
    const runner = testRunner(driver);
    const first = await meetingNetwork(runner, { ...OVERVIEW_DEFAULTS });
    expect(await meetingNetwork(runner, { ...OVERVIEW_DEFAULTS })).toBe(first);
    const actor = first.elements.nodes[0]?.data;
    const name = String(actor?.name);
    try {
      // Loads are the only writes to the graph, and every load ends with a projection.
      await read("MATCH (a:Actor {id: $id}) SET a.name = 'Renamed for the test'", { id: actor?.id });
      await refreshProjections(autoCommit(runner));
      const again = await meetingNetwork(runner, { ...OVERVIEW_DEFAULTS });
      expect(again).not.toBe(first);
      expect(again.elements.nodes.find((node) => node.data.id === actor?.id)?.data.name).toBe("Renamed for the test");
    } finally {
      await read("MATCH (a:Actor {id: $id}) SET a.name = $name", { id: actor?.id, name });
    }
  });

  test("when edges are drawn, then each weight is the pair's shared meetings and its events are among them", async () => {
    const shared = await coParticipation(driver, MEETING_KINDS);
    const body = await get<MeetingNetworkResponse>("/api/meetings/network");
    for (const { data } of body.elements.edges) {
      const pair = shared.get(`${data.source}|${data.target}`);
      expect(data.weight, `${data.source}|${data.target}`).toBe(pair?.events.length);
      const events = data.events;
      expect(events.length).toBe(Math.min(10, pair?.events.length ?? 0));
      for (const event of events) expect(pair?.events).toContain(event);
    }
  });

  test("when a window is given, then each weight counts the pair's meetings that began in the window's years, and its undated ones", async () => {
    const shared = await coParticipation(driver, MEETING_KINDS);
    const ids = [...new Set([...shared.values()].flatMap(({ events }) => events))];
    const years = new Map(
      (await read("UNWIND $ids AS id MATCH (e:Event {id: id}) RETURN id, e.dateStart.year AS year", { ids })).map(
        (row) => [String(row.id), row.year === null ? null : Number(row.year)],
      ),
    );
    const known = [...years.values()].filter((year) => year !== null) as number[];
    const middle = Math.round((Math.min(...known) + Math.max(...known)) / 2);
    const windows = [
      { query: `from=${middle - 3}-06-15&to=${middle + 2}-02-01`, first: middle - 3, last: middle + 2 },
      { query: `from=${middle}-01-01`, first: middle, last: Number.POSITIVE_INFINITY },
      { query: `to=${middle}-12-31`, first: Number.NEGATIVE_INFINITY, last: middle },
    ];
    for (const { query, first, last } of windows) {
      const body = await get<MeetingNetworkResponse>(`/api/meetings/network?${query}`);
      expect(body.elements.edges.length, query).toBeGreaterThan(0);
      for (const { data } of body.elements.edges) {
        const events = shared.get(`${data.source}|${data.target}`)?.events ?? [];
        const inWindow = events.filter((id) => {
          const year = years.get(id);
          return year === null || year === undefined || (year >= first && year <= last);
        });
        expect(data.weight, `${query}: ${data.source}|${data.target}`).toBe(inWindow.length);
      }
    }
  });

  test("when a forum is given, then each weight counts only the pair's meetings at that forum", async () => {
    const [forum] = await read(
      "MATCH (f:Forum)<-[:AT_FORUM]-(e:Event) WHERE e.kind IN $kinds WITH f, count(e) AS n RETURN f.id AS id ORDER BY n DESC, id LIMIT 1",
      { kinds: MEETING_KINDS },
    );
    const atForum = await coParticipation(driver, MEETING_KINDS, String(forum?.id));
    const body = await get<MeetingNetworkResponse>(`/api/meetings/network?forum=${forum?.id}`);
    expect(body.elements.edges.length).toBeGreaterThan(0);
    for (const { data } of body.elements.edges) {
      expect(data.weight).toBe(atForum.get(`${data.source}|${data.target}`)?.events.length);
    }
  });
});

describe("GET /api/meetings paged on a generated graph", () => {
  test("when a hub's counterparts are paged, then every counterpart comes exactly once, the most met first", async () => {
    const shared = await coParticipation(driver, MEETING_KINDS);
    const expected = new Map<string, number>();
    for (const [pair, { events }] of shared) {
      const [a, b] = pair.split("|") as [string, string];
      if (a === busiest) expected.set(b, events.length);
      if (b === busiest) expected.set(a, events.length);
    }
    expect(expected.size).toBeGreaterThan(30);
    const pages = await pageThrough(async (offset) => {
      const body = await get<MeetingsResponse>(`/api/meetings?actor=${busiest}&limit=7&offset=${offset}`);
      expect(body.total).toBe(expected.size);
      expect(body.counterparts.length).toBeLessThanOrEqual(7);
      return { items: body.counterparts, next: body.nextOffset };
    });
    expect(pages.length).toBe(expected.size);
    expect(new Set(pages.map((c) => c.actor.id)).size).toBe(pages.length);
    for (const counterpart of pages) {
      expect(counterpart.eventCount).toBe(expected.get(counterpart.actor.id));
      expect(counterpart.events.length).toBeLessThanOrEqual(3);
      expect(counterpart.eventsOffset + counterpart.events.length).toBe(counterpart.eventCount);
    }
    const counts = pages.map((c) => c.eventCount);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    // Counterparts met as often come by name, then id (code-point order, as Cypher sorts strings).
    const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const ordered = [...pages].sort(
      (x, y) => y.eventCount - x.eventCount || byCode(x.actor.name, y.actor.name) || byCode(x.actor.id, y.actor.id),
    );
    expect(pages.map((c) => c.actor.id)).toEqual(ordered.map((c) => c.actor.id));
  });

  test("when a hub's counterparts are listed, then each names at most 12 of its forums and counts them all", async () => {
    const rows = await read(
      `MATCH (a:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
       WHERE e.kind IN $kinds
       OPTIONAL MATCH (e)-[:AT_FORUM]->(f:Forum)
       RETURN b.id AS id, collect(DISTINCT f.id) AS forums`,
      { actor: busiest, kinds: MEETING_KINDS },
    );
    const expected = new Map(rows.map((row) => [String(row.id), row.forums as string[]]));
    // The projection's list and the one a window counts from the events (this one holds every year).
    for (const query of ["", "&from=1000&to=9999"]) {
      const body = await get<MeetingsResponse>(`/api/meetings?actor=${busiest}&limit=20${query}`);
      for (const counterpart of body.counterparts) {
        const forums = expected.get(counterpart.actor.id) ?? [];
        expect(counterpart.forumCount, `${query} ${counterpart.actor.id}`).toBe(forums.length);
        expect(counterpart.forums.length).toBe(Math.min(12, forums.length));
        for (const forum of counterpart.forums) expect(forums).toContain(forum.id);
      }
    }
    // Fewer named than met at (this graph's pairs meet at fewer than 12): both ways of listing.
    for (const window of [{}, { from: "1000-01-01", to: "9999-12-31" }]) {
      const page = { actor: busiest, limit: 20, offset: 0, eventsLimit: 10, eventsOffset: 0, listedForums: 2 };
      const { counterparts } = await meetings(testRunner(driver), { ...page, ...window });
      expect(counterparts.some((c) => c.forumCount > 2)).toBe(true);
      for (const counterpart of counterparts) {
        expect(counterpart.forums.length).toBe(Math.min(2, counterpart.forumCount));
        expect(counterpart.forumCount).toBe(expected.get(counterpart.actor.id)?.length);
      }
    }
  });

  test("when a pair has more claims than are listed, then the largest come first and all are counted", async () => {
    const runner = testRunner(driver);
    const page = { actor: busiest, limit: 1, offset: 0, eventsLimit: 10, eventsOffset: 0 };
    const [counterpart] = (await meetings(runner, page)).counterparts;
    const pair = [busiest, String(counterpart?.actor.id)];
    const values = [5, 40, null, 12, 40, 3, 7, 1];
    // Aggregate claims about the pair, each with a passage of the graph as its evidence.
    await read(
      `MATCH (p:Passage) WITH p LIMIT 1
       UNWIND range(0, size($values) - 1) AS i
       CREATE (c:Claim {id: 'claim:test-count-' + i, kind: 'aggregate', unit: 'meetings', text: 'They met.',
                        label: 'They met.', value: $values[i]})-[:EVIDENCED_BY]->(p)
       WITH c MATCH (a:Actor) WHERE a.id IN $pair CREATE (c)-[:ABOUT]->(a)`,
      { values, pair },
    );
    try {
      await refreshProjections(autoCommit(runner));
      const listed = (await meetings(runner, { ...page, listedClaims: 3 })).counterparts[0];
      const every = (await meetings(runner, { ...page, listedClaims: 100 })).counterparts[0];
      expect(listed?.aggregateCount).toBeGreaterThanOrEqual(values.length);
      expect(every?.aggregates.length).toBe(listed?.aggregateCount);
      // The largest values first, equal ones by id, those without a value last: the cap keeps the head.
      const order = (every?.aggregates ?? []).map((c) => [c.value ?? Number.NEGATIVE_INFINITY, c.id] as const);
      expect(order).toEqual([...order].sort(([x, a], [y, b]) => (x !== y ? y - x : a < b ? -1 : a > b ? 1 : 0)));
      expect(listed?.aggregates.map((c) => c.id)).toEqual(every?.aggregates.slice(0, 3).map((c) => c.id));
      const mine = every?.aggregates.filter((c) => c.id.startsWith("claim:test-count-")).map((c) => c.id.slice(-1));
      expect(mine).toEqual(["1", "4", "3", "6", "0", "5", "7", "2"]);
      // Through HTTP: at most 5 for a counterpart of a list.
      const body = await get<MeetingsResponse>(`/api/meetings?actor=${busiest}&limit=1`);
      expect(body.counterparts[0]?.aggregates.length).toBe(5);
      expect(body.counterparts[0]?.aggregateCount).toBe(listed?.aggregateCount);
    } finally {
      await read("MATCH (c:Claim) WHERE c.id STARTS WITH 'claim:test-count-' DETACH DELETE c");
      await refreshProjections(autoCommit(runner));
    }
  });

  test("when a window is given, then the pages hold exactly the counterparts met within it", async () => {
    const rows = await read(
      `MATCH (a:Actor {id: $actor})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
       WHERE e.kind IN $kinds AND coalesce(e.dateEnd, e.dateStart) >= date('2006-01-01')
         AND e.dateStart <= date('2012-12-31')
       RETURN b.id AS id, count(DISTINCT e) AS n`,
      { actor: busiest, kinds: MEETING_KINDS },
    );
    const expected = new Map(rows.map((row) => [String(row.id), Number(row.n)]));
    expect(expected.size).toBeGreaterThan(5);
    const pages = await pageThrough(async (offset) => {
      const body = await get<MeetingsResponse>(
        `/api/meetings?actor=${busiest}&from=2006&to=2012&limit=5&offset=${offset}`,
      );
      return { items: body.counterparts, next: body.nextOffset };
    });
    expect(new Map(pages.map((c) => [c.actor.id, c.eventCount]))).toEqual(expected);
    expect(pages.length).toBe(expected.size);
  });

  test("when a pair's events are paged, then every shared event comes exactly once, in date order, with evidence", async () => {
    const first = await get<MeetingsResponse>(`/api/meetings?actor=${busiest}&limit=1`);
    const other = first.counterparts[0]?.actor.id as string;
    const pair = busiest < other ? `${busiest}|${other}` : `${other}|${busiest}`;
    const expected = (await coParticipation(driver, MEETING_KINDS)).get(pair)?.events ?? [];
    expect(expected.length).toBeGreaterThan(3);
    const events = await pageThrough(async (offset) => {
      const body = await get<MeetingsResponse>(
        `/api/meetings?actor=${busiest}&with=${other}&eventsLimit=3&eventsOffset=${offset}`,
      );
      const counterpart = body.counterparts[0];
      expect(counterpart?.eventCount).toBe(expected.length);
      expect(counterpart?.eventsOffset).toBe(offset);
      return { items: counterpart?.events ?? [], next: counterpart?.nextEventsOffset ?? null };
    });
    expect(events.map((event) => event.id)).toEqual(expected);
    expect(events.every((event) => event.evidence.length > 0)).toBe(true);
  });
});

describe("GET /api/nodes/:id/neighbourhood paged on a generated graph", () => {
  test("when Show more pages through a hub, then every neighbour comes exactly once", async () => {
    const rows = await read("MATCH (a:Actor {id: $id})-[r]-(n) WHERE type(r) <> 'MET' RETURN DISTINCT n.id AS id", {
      id: busiest,
    });
    const expected = new Set(rows.map((row) => String(row.id)));
    expect(expected.size).toBeGreaterThan(100);
    let hiddenBefore = Number.POSITIVE_INFINITY;
    const pages = await pageThrough(async (offset) => {
      const body = await get<SubgraphResponse>(`/api/nodes/${busiest}/neighbourhood?depth=1&limit=40&offset=${offset}`);
      expect(body.offset).toBe(offset);
      const center = body.elements.nodes.find((node) => node.data.id === busiest)?.data;
      // What is left to show shrinks by a page each time.
      expect(center?.hiddenNeighbours).toBeLessThan(hiddenBefore);
      hiddenBefore = center?.hiddenNeighbours ?? 0;
      const items = body.elements.nodes.map((node) => node.data.id).filter((id) => id !== busiest);
      expect(items.length).toBeLessThanOrEqual(39);
      return { items, next: body.nextOffset };
    });
    expect(hiddenBefore).toBe(0);
    expect(pages.length).toBe(expected.size);
    expect(new Set(pages)).toEqual(expected);
  });

  test("when a hub's first ring is precomputed (a list shorter than its neighbours), then every page and every +N more are what walking all its relationships gives", async () => {
    const urls = [0, 20, 39, 45, 80].map(
      (offset) => `/api/nodes/${busiest}/neighbourhood?depth=1&limit=40&offset=${offset}`,
    );
    urls.push(`/api/nodes/${busiest}/neighbourhood?depth=2&limit=50`);
    // Lists of 60 on nodes of more than 50 relationships: the first pages are read from the list,
    // a page past its end walks; the hub's +N more comes from its neighbour count.
    const [dense] = await read(cypher("projection/dense-nodes"), { dense: 50 });
    const [made] = await read(cypher("projection/nearest-of"), { ids: dense?.ids, dense: 50, keep: 60 });
    expect(Number(made?.dense)).toBeGreaterThan(0);
    const [hub] = await read(
      "MATCH (ring:FirstRing {of: $id}) RETURN size(ring.nearest) AS listed, ring.neighbours AS neighbours",
      { id: busiest },
    );
    expect(Number(hub?.listed)).toBe(60);
    expect(Number(hub?.neighbours)).toBeGreaterThan(100);
    // The ring is a node of its own: the hub, which many queries return whole, does not carry it.
    const [own] = await read("MATCH (a:Actor {id: $id}) RETURN keys(a) AS keys", { id: busiest });
    expect(own?.keys).not.toContain("nearest");
    expect(own?.keys).not.toContain("neighbours");
    const fromLists = await Promise.all(urls.map((url) => get<SubgraphResponse>(url)));
    // The first page is the list's: with its 60th entry moved to the front, that neighbour is on it.
    const [moved] = await read(
      "MATCH (ring:FirstRing {of: $id}) WITH ring, ring.nearest AS list SET ring.nearest = [list[59]] + list[1..59] + [list[0]] RETURN list[59] AS id",
      { id: busiest },
    );
    const reordered = await get<SubgraphResponse>(urls[0] as string);
    expect(reordered.elements.nodes.map((node) => node.data.id)).toContain(moved?.id);
    expect(fromLists[0]?.elements.nodes.map((node) => node.data.id)).not.toContain(moved?.id);
    // A list entry that is no longer a neighbour (a load since) is never shown: the page walks instead.
    await read("MATCH (ring:FirstRing {of: $id}) SET ring.nearest = ['event:not-a-neighbour'] + ring.nearest[1..]", {
      id: busiest,
    });
    const stale = await get<SubgraphResponse>(urls[0] as string);
    await read("MATCH (ring:FirstRing) DELETE ring");
    const walked = await Promise.all(urls.map((url) => get<SubgraphResponse>(url)));
    // The same nodes (with the same +N more) and edges; the order of the edges is not part of the answer.
    const sorted = (body: SubgraphResponse) => ({
      ...body,
      elements: {
        nodes: [...body.elements.nodes].sort((x, y) => x.data.id.localeCompare(y.data.id)),
        edges: [...body.elements.edges].sort((x, y) => x.data.id.localeCompare(y.data.id)),
      },
    });
    expect(fromLists.map(sorted)).toEqual(walked.map(sorted));
    expect(sorted(stale)).toEqual(sorted(walked[0] as SubgraphResponse));
  });

  test("when offset is given with depth 2, then 400 names offset", async () => {
    const { status, body } = await server.get(`/api/nodes/${busiest}/neighbourhood?depth=2&offset=10`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "BAD_REQUEST", details: [{ parameter: "offset" }] } });
  });
});

describe("GET /api/timeline paged on a generated graph", () => {
  const dated = `MATCH (n) WHERE (n:Event OR n:Claim) AND coalesce(n.dateStart, n.periodStart) IS NOT NULL
    WITH n, coalesce(n.dateStart, n.periodStart) AS start,
      CASE WHEN n.dateStart IS NOT NULL THEN coalesce(n.dateEnd, n.dateStart) ELSE coalesce(n.periodEnd, n.periodStart) END AS end
    WHERE ($types IS NULL OR any(label IN labels(n) WHERE label IN $types))
      AND ($from IS NULL OR end >= date($from)) AND ($to IS NULL OR start <= date($to))
    RETURN n.id AS id`;

  test("when the cursor pages through everything, then every dated event and claim comes exactly once, in order", async () => {
    const expected = new Set((await read(dated, { types: null, from: null, to: null })).map((row) => String(row.id)));
    expect(expected.size).toBeGreaterThan(500);
    const entries = await pageThrough(async (cursor) => {
      const body = await get<TimelineResponse>(`/api/timeline?limit=97${cursor ? `&cursor=${cursor}` : ""}`);
      expect(body.truncated).toBe(body.next !== null);
      return { items: body.entries, next: body.next };
    }, "");
    expect(entries.length).toBe(expected.size);
    expect(new Set(entries.map((entry) => entry.id))).toEqual(expected);
    const keys = entries.map((entry) => [entry.date.start, entry.date.end, entry.id].join("|"));
    expect(keys).toEqual([...keys].sort());
  });

  test("when a window and a type are given, then the pages hold exactly the entries overlapping it", async () => {
    // The window opens inside an event's span, so that an entry that began before it must be found too.
    const [spanning] = await read(
      `MATCH (e:Event) WHERE e.dateEnd > e.dateStart + duration('P2D')
       RETURN toString(e.dateStart + duration('P1D')) AS from, toString(e.dateStart + duration('P18M')) AS to
       ORDER BY e.dateStart, e.id LIMIT 1`,
    );
    const { from, to } = spanning as { from: string; to: string };
    const expected = new Set((await read(dated, { types: ["Event"], from, to })).map((row) => String(row.id)));
    expect(expected.size).toBeGreaterThan(5);
    const entries = await pageThrough(async (cursor) => {
      const body = await get<TimelineResponse>(
        `/api/timeline?from=${from}&to=${to}&types=Event&limit=4${cursor ? `&cursor=${cursor}` : ""}`,
      );
      return { items: body.entries, next: body.next };
    }, "");
    expect(entries.some((entry) => (entry.date.start as string) < from)).toBe(true);
    expect(new Set(entries.map((entry) => entry.id))).toEqual(expected);
    expect(entries.length).toBe(expected.size);
  });

  test("when the cursor is not one the timeline gave, then 400 names it", async () => {
    const { status, body } = await server.get("/api/timeline?cursor=not-a-cursor");
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "BAD_REQUEST", details: [{ parameter: "cursor" }] } });
  });
});

describe("GET /api/schema and GET /api/health on a generated graph", () => {
  test("when asked, then every count equals the graph's real count", async () => {
    const schema = await get<SchemaResponse>("/api/schema");
    const health = await get<HealthResponse>("/api/health");
    const labels = await read("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n");
    for (const { label, n } of labels) {
      if (label === "Projection") continue; // bookkeeping, not data
      expect(schema.labels.find((entry) => entry.name === label)?.count, String(label)).toBe(Number(n));
      expect(health.counts?.[String(label)], String(label)).toBe(Number(n));
    }
    const types = await read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n");
    expect(schema.relationshipTypes).toHaveLength(types.length);
    for (const { type, n } of types) {
      expect(schema.relationshipTypes.find((entry) => entry.name === type)?.count, String(type)).toBe(Number(n));
    }
  });

  test("when asked, then the date stops are the months in which something dated begins or ends", async () => {
    const rows = await read(
      `MATCH (n) WHERE n:Event OR n:Claim
       WITH CASE WHEN n.dateStart IS NOT NULL THEN [n.dateStart, coalesce(n.dateEnd, n.dateStart)]
                 ELSE [n.periodStart, coalesce(n.periodEnd, n.periodStart)] END AS bounds
       UNWIND bounds AS day WITH day WHERE day IS NOT NULL
       RETURN DISTINCT substring(toString(day), 0, 7) AS month ORDER BY month`,
    );
    const schema = await get<SchemaResponse>("/api/schema");
    expect(schema.dateStops).toEqual(rows.map((row) => row.month));
  });
});

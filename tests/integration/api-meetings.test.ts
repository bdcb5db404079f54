import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  MeetingNetworkResponse,
  MeetingsResponse,
  SchemaResponse,
  TimelineResponse,
} from "../../common/api-types.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

let api: SeededApi;
beforeAll(async () => {
  api = await seededApi();
});
afterAll(async () => api.close());

describe("GET /api/meetings", () => {
  test("when the two foreign ministers are asked for, then their forums and the count the article gives come with evidence", async () => {
    const { status, body } = await api.server.get("/api/meetings?actor=actor:wang-yi&with=actor:sergey-lavrov");
    expect(status).toBe(200);
    const { counterparts } = body as MeetingsResponse;
    expect(counterparts).toHaveLength(1);
    const lavrov = counterparts[0];
    expect(lavrov?.actor.id).toBe("actor:sergey-lavrov");
    expect(lavrov?.forums.map((forum) => forum.id).sort()).toEqual([
      "forum:brics",
      "forum:g20",
      "forum:sco",
      "forum:un",
    ]);
    const count = lavrov?.aggregates.find((claim) => claim.value === 18);
    expect(count?.evidence[0]?.passage.exact).toContain("met 18 times");
    expect(lavrov?.events.every((event) => event.evidence.length > 0)).toBe(true);
  });

  test("when only an actor is given, then each counterpart is listed with shared events", async () => {
    const { body } = await api.server.get("/api/meetings?actor=actor:xi-jinping");
    const putin = (body as MeetingsResponse).counterparts.find((c) => c.actor.id === "actor:vladimir-putin");
    expect(putin?.events.map((event) => event.id)).toContain("event:putin-state-visit-beijing-2024");
    const starts = putin?.events.map((event) => event.date?.start ?? "") ?? [];
    expect(starts).toEqual([...starts].sort());
  });

  test("when a forum is given, then only what happened at that forum is listed", async () => {
    const { body } = await api.server.get("/api/meetings?actor=actor:xi-jinping&forum=forum:belt-and-road-forum");
    const events = (body as MeetingsResponse).counterparts.flatMap((c) => c.events.map((event) => event.id));
    expect(events).toEqual(["event:belt-and-road-forum-2023"]);
  });

  test("when the actor is unknown, then 404; when it is no actor, then 400 naming it", async () => {
    expect((await api.server.get("/api/meetings?actor=actor:nobody")).status).toBe(404);
    const notActor = await api.server.get("/api/meetings?actor=forum:g20");
    expect(notActor.status).toBe(400);
    expect(notActor.body).toMatchObject({ error: { code: "BAD_REQUEST", details: [{ parameter: "actor" }] } });
  });
});

describe("GET /api/meetings/network", () => {
  test("when asked, then pairs who met are joined by weighted edges listing their events", async () => {
    const { status, body } = await api.server.get("/api/meetings/network");
    expect(status).toBe(200);
    const edge = (body as MeetingNetworkResponse).elements.edges.find(
      (e) => e.data.source === "actor:sergey-lavrov" && e.data.target === "actor:wang-yi",
    );
    expect(edge?.data).toMatchObject({ type: "MET", weight: 1, events: ["event:wang-yi-lavrov-meetings"] });
  });

  test("when asked, then each edge counts the pair's forums, whose names the pair's meetings list", async () => {
    const { body } = await api.server.get("/api/meetings/network");
    const edges = (body as MeetingNetworkResponse).elements.edges;
    const counted = edges.filter((e) => e.data.forumCount > 0);
    expect(counted.length).toBeGreaterThan(0);
    for (const { data } of counted.slice(0, 5)) {
      const pair = await api.server.get(`/api/meetings?actor=${data.source}&with=${data.target}`);
      const [counterpart] = (pair.body as MeetingsResponse).counterparts;
      expect(counterpart?.forums.length).toBe(data.forumCount);
    }
    // The overview sends no list a hub pair could make long: ids of its forums are not on the edge.
    expect(edges.every((e) => !("forums" in e.data))).toBe(true);
  });

  test("when the source counts a pair's meetings, then the edge carries that count with its claim", async () => {
    const { body } = await api.server.get("/api/meetings/network");
    const edges = (body as MeetingNetworkResponse).elements.edges;
    const ministers = edges.find((e) => e.data.source === "actor:sergey-lavrov" && e.data.target === "actor:wang-yi");
    expect(ministers?.data).toMatchObject({
      reportedCount: 18,
      reported: [{ claim: "claim:wang-yi-lavrov-met-18-times", value: 18 }],
    });
    // "9 engagements" is about six military leaders at once, so it says nothing about any one pair.
    const generals = edges.find((e) => e.data.source === "actor:andrei-belousov" && e.data.target === "actor:dong-jun");
    expect(generals?.data.reported).toEqual([]);
    expect(generals?.data.reportedCount).toBeUndefined();
  });

  test("when the window excludes all meetings, then the network is empty", async () => {
    const { body } = await api.server.get("/api/meetings/network?from=1900&to=1901");
    expect((body as MeetingNetworkResponse).elements.edges).toEqual([]);
  });
});

describe("GET /api/timeline", () => {
  test("when asked, then dated events and claims come in date order with their precision", async () => {
    const { status, body } = await api.server.get("/api/timeline");
    expect(status).toBe(200);
    const { entries } = body as TimelineResponse;
    expect(entries.length).toBeGreaterThan(20);
    const keys = entries.map((entry) => `${entry.date.start}|${entry.date.end}`);
    expect(keys).toEqual([...keys].sort());
    expect(entries.find((entry) => entry.id === "event:victory-day-parade-2025")?.date).toMatchObject({
      start: "2025-05-09",
      precision: "day",
    });
  });

  test("when a window and a type are given, then only those entries within it come back", async () => {
    const { body } = await api.server.get("/api/timeline?from=2024&to=2024&types=Event");
    const { entries } = body as TimelineResponse;
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.type).toBe("Event");
      expect((entry.date.end ?? "") >= "2024-01-01" && (entry.date.start ?? "") <= "2024-12-31").toBe(true);
    }
  });
});

describe("GET /api/schema", () => {
  test("when asked, then labels, relationship types, property keys and the date range come back", async () => {
    const { status, body } = await api.server.get("/api/schema");
    expect(status).toBe(200);
    const schema = body as SchemaResponse;
    expect(schema.labels.find((label) => label.name === "Actor")?.count).toBeGreaterThan(10);
    expect(schema.relationshipTypes.map((type) => type.name)).toContain("PARTICIPATED_IN");
    expect(schema.propertyKeys).toContain("name");
    expect(schema.dateRange?.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("GET /api/openapi.json", () => {
  test("when asked, then an OpenAPI 3.1 document describes every endpoint and its parameters", async () => {
    const { status, body } = await api.server.get("/api/openapi.json");
    expect(status).toBe(200);
    const document = body as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(document.openapi).toBe("3.1.0");
    for (const path of ["/api/search", "/api/nodes/{id}/neighbourhood", "/api/meetings", "/api/paths", "/api/cypher"]) {
      expect(document.paths[path]).toBeDefined();
    }
    expect(document.paths["/api/nodes/{id}/neighbourhood"]?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(["id", "depth", "types", "rels", "from", "to", "limit"]),
    );
  });
});

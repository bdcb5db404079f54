import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type {
  NodeResponse,
  PathsResponse,
  ProvenanceResponse,
  SearchResponse,
  SubgraphResponse,
} from "../../common/api-types.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

let api: SeededApi;
beforeAll(async () => {
  api = await seededApi();
});
afterAll(async () => api.close());

describe("GET /api/nodes/:id", () => {
  test("when the id exists, then the node comes with its properties", async () => {
    const { status, body } = await api.server.get("/api/nodes/actor:sergey-lavrov");
    expect(status).toBe(200);
    expect((body as NodeResponse).node).toMatchObject({ id: "actor:sergey-lavrov", type: "Actor", kind: "person" });
  });

  test("when the id is unknown, then 404 NOT_FOUND", async () => {
    const { status, body } = await api.server.get("/api/nodes/actor:nobody");
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});

describe("GET /api/nodes/:id/neighbourhood", () => {
  test("when depth is 1, then the node's direct neighbours and the edges to them are returned", async () => {
    const { status, body } = await api.server.get("/api/nodes/actor:sergey-lavrov/neighbourhood?depth=1");
    expect(status).toBe(200);
    const { elements, truncated } = body as SubgraphResponse;
    expect(truncated).toBe(false);
    const ids = elements.nodes.map((node) => node.data.id);
    expect(ids).toEqual(expect.arrayContaining(["actor:sergey-lavrov", "event:wang-yi-lavrov-meetings"]));
    for (const edge of elements.edges) {
      expect(ids).toContain(edge.data.source);
      expect(ids).toContain(edge.data.target);
    }
  });

  test("when the limit cuts the neighbourhood, then the nearest part is returned with hidden-neighbour counts", async () => {
    const { body } = await api.server.get("/api/nodes/actor:china/neighbourhood?depth=2&limit=10");
    const { elements, truncated } = body as SubgraphResponse;
    expect(truncated).toBe(true);
    expect(elements.nodes).toHaveLength(10);
    const center = elements.nodes.find((node) => node.data.id === "actor:china");
    expect(center?.data.hiddenNeighbours).toBeGreaterThan(0);
  });

  test("when types and rels filter, then only those labels and relationship types appear", async () => {
    const { body } = await api.server.get(
      "/api/nodes/actor:wang-yi/neighbourhood?depth=2&types=Actor,Event&rels=PARTICIPATED_IN",
    );
    const { elements } = body as SubgraphResponse;
    expect(elements.nodes.map((node) => node.data.id)).toContain("actor:sergey-lavrov");
    expect(new Set(elements.nodes.map((node) => node.data.type))).toEqual(new Set(["Actor", "Event"]));
    expect(new Set(elements.edges.map((edge) => edge.data.type))).toEqual(new Set(["PARTICIPATED_IN"]));
  });

  test("when a date window excludes an event, then it is left out", async () => {
    const { body } = await api.server.get(
      "/api/nodes/actor:vladimir-putin/neighbourhood?types=Event&from=2024-01&to=2024-12",
    );
    const ids = (body as SubgraphResponse).elements.nodes.map((node) => node.data.id);
    expect(ids).toContain("event:putin-state-visit-beijing-2024");
    expect(ids).not.toContain("event:belt-and-road-forum-2023");
  });
});

describe("GET /api/nodes/:id/provenance", () => {
  test("when a quantitative claim is traced, then its exact sentence, paragraph and author come back", async () => {
    const { body: found } = await api.server.get("/api/search?q=245%20billion&types=Claim");
    const claimId = (found as SearchResponse).hits[0]?.id as string;
    const { status, body } = await api.server.get(`/api/nodes/${claimId}/provenance`);
    expect(status).toBe(200);
    const { evidence } = body as ProvenanceResponse;
    expect(evidence[0]?.passage.exact).toBe(
      "Bilateral trade between the two countries reached about $245 billion in 2024, a 66% increase from 2021.",
    );
    const passage = evidence[0]?.passage;
    const [highlight] = passage?.context.highlights ?? [];
    expect(passage?.context.text.slice(highlight?.start, highlight?.end)).toBe(passage?.exact);
    // The paragraph around it: more than the passage alone.
    expect(passage?.context.text.length).toBeGreaterThan(passage?.exact.length ?? 0);
    expect(evidence[0]?.source).toMatchObject({ author: "Rahul Pandey", authorId: "actor:rahul-pandey" });
  });

  test("when a statement is traced, then its speaker is named", async () => {
    const { body } = await api.server.get("/api/nodes/claim:qin-gang-no-forbidden-areas-bottom-line/provenance");
    expect((body as ProvenanceResponse).speakers).toEqual([{ id: "actor:qin-gang", name: "Qin Gang" }]);
    expect((body as ProvenanceResponse).speaker).toEqual({ id: "actor:qin-gang", name: "Qin Gang" });
  });

  test("when the id is unknown, then 404", async () => {
    const { status } = await api.server.get("/api/nodes/claim:nothing/provenance");
    expect(status).toBe(404);
  });
});

describe("GET /api/paths", () => {
  test("when two diplomats never share a sentence, then a path joins them, each hop with evidence", async () => {
    const shared = await api.driver.executeQuery(
      "MATCH (:Actor {id: 'actor:qin-gang'})-[:EVIDENCED_BY]->(p)<-[:EVIDENCED_BY]-(:Actor {id: 'actor:fu-cong'}) RETURN count(p) AS n",
    );
    expect(Number(shared.records[0]?.get("n"))).toBe(0);
    const { status, body } = await api.server.get("/api/paths?from=actor:qin-gang&to=actor:fu-cong");
    expect(status).toBe(200);
    const { paths, elements, evidence } = body as PathsResponse;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0]?.nodes[0]).toBe("actor:qin-gang");
    expect(paths[0]?.nodes.at(-1)).toBe("actor:fu-cong");
    const passageIds = new Set(evidence.map((item) => item.passage.id));
    for (const edge of elements.edges) {
      expect(edge.data.evidence?.length).toBeGreaterThan(0);
      for (const id of edge.data.evidence ?? []) expect(passageIds.has(id)).toBe(true);
    }
  });

  test("when maxHops is too short for any path, then no path is returned", async () => {
    const { body } = await api.server.get("/api/paths?from=actor:wang-yi&to=actor:dong-jun&maxHops=1");
    expect((body as PathsResponse).paths).toEqual([]);
  });

  test("when an end is unknown, then 404", async () => {
    const { status } = await api.server.get("/api/paths?from=actor:wang-yi&to=actor:nobody");
    expect(status).toBe(404);
  });
});

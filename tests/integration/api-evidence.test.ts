import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ApiError, EvidenceItem, EvidenceResponse, ProvenanceResponse } from "../../common/api-types.js";
import { CONTEXT_ROOM } from "../../server/domain/evidence.js";
import { readRows } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

let api: SeededApi;
beforeAll(async () => {
  api = await seededApi();
});
afterAll(async () => api.close());

const evidence = async (ids: readonly string[]) => {
  const { status, body } = await api.server.get(`/api/evidence?ids=${ids.map(encodeURIComponent).join(",")}`);
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return (body as EvidenceResponse).evidence;
};
const highlighted = (item: EvidenceItem | undefined) =>
  item?.passage.context.highlights.map((range) => item.passage.context.text.slice(range.start, range.end));

describe("GET /api/evidence", () => {
  test("when passage ids are asked, then each comes back once, in the order asked, with its text, offsets and source's metadata", async () => {
    const rows = await readRows(
      api.driver,
      `MATCH (p:Passage)-[:IN_SOURCE]->(s:Source) OPTIONAL MATCH (s)-[:AUTHORED_BY]->(a:Actor)
       RETURN p.id AS id, p.exact AS exact, p.start AS start, p.end AS end, s.id AS source, s.title AS title,
              a.id AS authorId, a.name AS author, s.publisher AS publisher, s.url AS url
       ORDER BY p.id DESC LIMIT 5`,
    );
    const ids = rows.map((row) => String(row.id));
    const items = await evidence([...ids, ids[0] as string]);
    expect(items.map((item) => item.passage.id)).toEqual(ids);
    rows.forEach((row, index) => {
      const item = items[index];
      expect(item?.passage).toMatchObject({ exact: row.exact, start: Number(row.start), end: Number(row.end) });
      expect(item?.source).toMatchObject({
        id: row.source,
        title: row.title,
        author: row.author ?? null,
        authorId: row.authorId ?? null,
        publisher: row.publisher ?? null,
        url: row.url ?? null,
      });
      expect(item?.source.published?.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(highlighted(item)).toEqual([row.exact]);
    });
  });

  test("when any passage is asked, then its context is its paragraph around it, bounded, never the source's whole text", async () => {
    const rows = await readRows(
      api.driver,
      `MATCH (p:Passage)-[:IN_SOURCE]->(s:Source)
       RETURN p.id AS id, p.exact AS exact, p.paragraph AS paragraph, size(s.content) AS sourceLength ORDER BY p.id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    const items: EvidenceItem[] = [];
    for (let index = 0; index < rows.length; index += 100) {
      items.push(...(await evidence(rows.slice(index, index + 100).map((row) => String(row.id)))));
    }
    expect(items.length).toBe(rows.length);
    let cut = 0;
    for (const item of items) {
      const row = byId.get(item.passage.id);
      const { text } = item.passage.context;
      expect(highlighted(item), item.passage.id).toEqual([row?.exact]);
      expect(text.length, item.passage.id).toBeLessThanOrEqual(2 * (CONTEXT_ROOM + 1) + String(row?.exact).length);
      expect(text.length).toBeLessThan(Number(row?.sourceLength));
      // What is shown is the paragraph's own text, cuts marked with "…".
      for (const piece of text.split("…").filter((part) => part.length > 0)) {
        expect(String(row?.paragraph), item.passage.id).toContain(piece);
      }
      if (text.startsWith("…") || text.endsWith("…")) cut++;
    }
    // The seed's long paragraphs are cut: the bound is exercised, not only stated.
    expect(cut).toBeGreaterThan(0);
  });

  test("when a node's provenance is read, then its evidence is the same projection GET /api/evidence sends", async () => {
    const { body } = await api.server.get("/api/nodes/claim:qin-gang-no-forbidden-areas-bottom-line/provenance");
    const provenance = (body as ProvenanceResponse).evidence;
    expect(provenance.length).toBeGreaterThan(0);
    expect(await evidence(provenance.map((item) => item.passage.id))).toEqual(provenance);
  });

  test("when ids are unknown or name other nodes, then 404 NOT_FOUND names each of them", async () => {
    const [known] = await readRows(api.driver, "MATCH (p:Passage) RETURN p.id AS id ORDER BY p.id LIMIT 1");
    const ids = [String(known?.id), "passage:nowhere:1-2", "actor:sergey-lavrov"];
    const { status, body } = await api.server.get(`/api/evidence?ids=${ids.map(encodeURIComponent).join(",")}`);
    expect(status).toBe(404);
    const error = (body as ApiError).error;
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toContain("passage:nowhere:1-2");
    expect(error.details).toEqual([
      { parameter: "ids", in: "query", message: 'no passage "passage:nowhere:1-2"' },
      { parameter: "ids", in: "query", message: 'no passage "actor:sergey-lavrov"' },
    ]);
  });

  test("when ids are missing, empty, malformed or too many, then 400 BAD_REQUEST names ids", async () => {
    const many = Array.from({ length: 101 }, (_, index) => `passage:x:${index}-${index + 1}`).join(",");
    for (const query of ["", "?ids=", "?ids=,,", "?ids=not%20an%20id", `?ids=${many}`, "?ids=passage:x:1-2&other=1"]) {
      const { status, body } = await api.server.get(`/api/evidence${query}`);
      expect(status, query.slice(0, 40)).toBe(400);
      const error = (body as ApiError).error;
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.details as { parameter: string }[]).map((detail) => detail.parameter)).toContain(
        query.includes("other") ? "other" : "ids",
      );
    }
  });
});

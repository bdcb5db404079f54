// Committing a reviewed draft over HTTP: the preview, the commit (validated, all or nothing, one at a time across app instances, again after an undo) and the committed dataset's zip served by any instance from what the Draft records.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DraftResponse } from "../../common/api-types.js";
import { CommitResponse, PreviewResponse } from "../../common/contract/review.js";
import { createApp } from "../../server/app.js";
import { graphExtractor } from "../../server/drafts/extractor.js";
import { createLogger } from "../../server/lib/logger.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve, type TestServer } from "../support/http.js";
import { readRows, testConfig, testNeo4j } from "../support/neo4j.js";
import { TEXT } from "../support/review-draft.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { reviewClient, WRITE } from "./review-helpers.js";
import { postDraft } from "./sources-helpers.js";

const ARTICLE = "Chinese Foreign Minister Wang Yi met Sergey Lavrov in Moscow on 3 March 2025.";

let api: SeededApi;
let client: ReturnType<typeof reviewClient>;
let second: TestServer;

beforeAll(async () => {
  api = await seededApi({}, { extractor: graphExtractor });
  client = reviewClient(api.server.url);
  const config = testConfig();
  const runner = new QueryRunner(api.driver, testNeo4j().database, config.LIAISON_QUERY_TIMEOUT_MS);
  second = await serve(
    createApp({ runner, config, logger: createLogger("silent"), neo4jInfo: { mode: "external", uri: "bolt://test" } }),
  );
}, 300_000);
afterAll(async () => {
  await second?.close();
  await api?.close();
});

const commit = (baseUrl: string, draftId: string, headers: Record<string, string> = WRITE) =>
  fetch(`${baseUrl}/api/sources/drafts/${encodeURIComponent(draftId)}/commit`, { method: "POST", headers }).then(
    async (response) => ({ status: response.status, body: await response.json() }),
  );

/**
 * A draft of the Minsk report (tests/support/review-draft.ts) with every proposal accepted as the
 * extractor resolved it; the title names its dataset, so each test commits its own.
 */
async function acceptedDraft(title: string) {
  const created = await postDraft(api.server.url, { text: TEXT, title });
  const draft = created.body as unknown as DraftResponse;
  const proposals = draft.extraction?.proposals ?? [];
  expect(proposals.length).toBeGreaterThan(5);
  const decided = await client.decide(
    draft.id,
    proposals.map((proposal) => ({ proposal: proposal.id, action: "accept" as const })),
  );
  expect(decided.status).toBe(200);
  return { id: draft.id, proposals, decisions: decided.body.decisions };
}

/** Every node and relationship of the graph, to prove a failed commit changed nothing. */
async function wholeGraph() {
  return {
    nodes: await readRows(
      api.driver,
      "MATCH (n) WHERE NOT n:Draft AND NOT n:ReviewDecision AND NOT n:Selection RETURN n.id AS id, properties(n) AS props ORDER BY id",
    ),
    rels: await readRows(
      api.driver,
      "MATCH (a)-[r]->(b) WHERE NOT a:Draft RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b",
    ),
  };
}

const preview = (draftId: string) =>
  fetch(`${api.server.url}/api/sources/drafts/${encodeURIComponent(draftId)}/preview`).then(async (response) => ({
    status: response.status,
    body: await response.json(),
  }));

describe("GET /api/sources/drafts/:id/preview and POST …/commit", () => {
  test("when every proposal is accepted, then the preview is valid and writes nothing, and the commit loads its dataset, recorded on the draft", async () => {
    const draft = await acceptedDraft("Talks in Minsk, first report");
    const before = await wholeGraph();
    const seen = await preview(draft.id);
    expect(seen.status).toBe(200);
    expect(PreviewResponse.safeParse(seen.body).success).toBe(true);
    expect(seen.body).toMatchObject({ draftId: draft.id, valid: true, problems: [] });
    expect(seen.body.skipped).toEqual({ unreviewed: 0, rejected: 0, unsure: 0 });
    expect(seen.body.files.map((file: { path: string }) => file.path)).toContain("manifest.yaml");
    expect(await wholeGraph()).toEqual(before);

    const committed = await commit(api.server.url, draft.id);
    expect(committed.status, JSON.stringify(committed.body).slice(0, 500)).toBe(200);
    expect(CommitResponse.safeParse(committed.body).success).toBe(true);
    expect(committed.body).toMatchObject({ draftId: draft.id, datasetId: seen.body.datasetId, by: "local" });
    expect(committed.body.files).toEqual(seen.body.files);
    const [dataset] = await readRows(api.driver, "MATCH (d:Dataset {id: $id}) RETURN d.id AS id", {
      id: `dataset:${seen.body.datasetId}`,
    });
    expect(dataset?.id).toBe(`dataset:${seen.body.datasetId}`);
    const [source] = await readRows(api.driver, "MATCH (s:Source {id: $id}) RETURN s.id AS id", {
      id: seen.body.sourceId,
    });
    expect(source?.id).toBe(seen.body.sourceId);
    const review = (await reviewClient(second.url).review(draft.id)).body;
    expect(review.committed).toMatchObject({ datasetId: seen.body.datasetId, by: "local" });
    expect((await draftProps(draft.id)).commitToken).toBeUndefined();

    // The zip holds the very files the commit loaded.
    const zip = await fetch(`${second.url}/api/sources/drafts/${encodeURIComponent(draft.id)}/dataset.zip`);
    const names = Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())));
    expect(names.sort()).toEqual(
      committed.body.files.map((file: { path: string }) => `${seen.body.datasetId}/${file.path}`).sort(),
    );
  }, 180_000);

  test("when a decision is undone and the draft committed again, then the dataset is replaced, not added to", async () => {
    const draft = await acceptedDraft("Talks in Minsk, second report");
    const first = await commit(api.server.url, draft.id);
    expect(first.status, JSON.stringify(first.body).slice(0, 800)).toBe(200);
    const datasets = async () => Number((await readRows(api.driver, "MATCH (d:Dataset) RETURN count(d) AS n"))[0]?.n);
    const count = await datasets();
    // The last accepted decision undone: its proposal is unreviewed again, so it leaves the dataset.
    const last = draft.decisions.at(-1);
    await client.undo(draft.id, String(last?.id));
    const seen = await preview(draft.id);
    expect(seen.body.skipped.unreviewed).toBe(1);
    const again = await commit(api.server.url, draft.id);
    expect(again.status, JSON.stringify(again.body).slice(0, 500)).toBe(200);
    expect(again.body.datasetId).toBe(first.body.datasetId);
    expect(await datasets()).toBe(count);
    expect(again.body.nodes).toBeLessThanOrEqual(first.body.nodes);
  }, 180_000);

  test("when the dataset would be invalid, then the preview says why, and the commit answers 422 DATASET_INVALID and changes neither the graph nor the draft", async () => {
    const draft = await acceptedDraft("Talks in Minsk, third report");
    const meeting = draft.proposals.find((proposal) => proposal.kind === "meeting");
    expect(meeting).toBeDefined();
    await client.decide(draft.id, [
      { proposal: String(meeting?.id), action: "accept", entity: null, edit: { date: "2025-13-45" } },
    ]);
    const seen = await preview(draft.id);
    expect(seen.status).toBe(200);
    expect(seen.body.valid).toBe(false);
    expect(seen.body.problems.length).toBeGreaterThan(0);
    const before = { graph: await wholeGraph(), draft: await draftProps(draft.id) };
    const answer = await commit(api.server.url, draft.id);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("DATASET_INVALID");
    expect(answer.body.error.details.problems).toEqual(seen.body.problems);
    expect(await wholeGraph()).toEqual(before.graph);
    expect({ ...(await draftProps(draft.id)), reviewedAt: null }).toEqual({ ...before.draft, reviewedAt: null });
  }, 180_000);

  test("when a second report of a committed meeting links its meeting to that event, then the event gains its passage instead of a twin", async () => {
    const first = await acceptedDraft("Talks in Minsk, fourth report");
    const committed = await commit(api.server.url, first.id);
    expect(committed.status, JSON.stringify(committed.body).slice(0, 500)).toBe(200);
    const [event] = await readRows(
      api.driver,
      `MATCH (e:Event)-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(:Source {id: $source})
       RETURN DISTINCT e.id AS id`,
      { source: committed.body.sourceId },
    );
    const eventId = String(event?.id);
    const events = async () => Number((await readRows(api.driver, "MATCH (e:Event) RETURN count(e) AS n"))[0]?.n);
    const before = await events();

    const created = await postDraft(api.server.url, { text: TEXT, title: "Talks in Minsk, fifth report" });
    const second = created.body as unknown as DraftResponse;
    const proposals = second.extraction?.proposals ?? [];
    const meeting = proposals.find((proposal) => proposal.kind === "meeting");
    const decided = await client.decide(
      second.id,
      proposals.map((proposal) =>
        proposal === meeting
          ? { proposal: proposal.id, action: "accept" as const, entity: eventId }
          : { proposal: proposal.id, action: "accept" as const },
      ),
    );
    // Linked by the reviewer: the same as the event (or different from another event the extractor proposed).
    const candidate = meeting?.entity ?? eventId;
    expect(decided.body.decisions.find((decision) => decision.proposal === meeting?.id)?.merge).toEqual({
      candidate,
      verdict: candidate === eventId ? "same" : "different",
    });
    const seen = await preview(second.id);
    expect(seen.body.adds.events).toEqual([]);
    expect(seen.body.evidence.map((item: { of: string }) => item.of)).toContain(eventId);
    const again = await commit(api.server.url, second.id);
    expect(again.status, JSON.stringify(again.body).slice(0, 500)).toBe(200);
    expect(await events()).toBe(before);
    const sources = await readRows(
      api.driver,
      "MATCH (:Event {id: $id})-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(s:Source) RETURN DISTINCT s.id AS id ORDER BY id",
      { id: eventId },
    );
    expect(sources.map((row) => row.id)).toEqual(
      expect.arrayContaining([committed.body.sourceId, again.body.sourceId]),
    );
  }, 180_000);

  test("when the draft is unknown, then the preview is 404", async () => {
    expect((await preview("draft:00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

/** The Draft's properties, as Neo4j holds them. */
async function draftProps(draftId: string): Promise<Record<string, unknown>> {
  const [row] = await readRows(api.driver, "MATCH (d:Draft {id: $id}) RETURN properties(d) AS props", { id: draftId });
  return row?.props as Record<string, unknown>;
}

describe("POST /api/sources/drafts/:id/commit", () => {
  test("when another instance's commit of the draft is running, then 409 DRAFT_COMMIT_CONFLICT and the draft is left as it was", async () => {
    const draft = await client.createDraft(ARTICLE);
    // What a commit running on another instance leaves on the Draft while it runs: its lease.
    await readRows(
      api.driver,
      "MATCH (d:Draft {id: $id}) SET d.commitToken = 'another-instance', d.commitStartedAt = datetime()",
      { id: draft.id },
    );
    const before = await draftProps(draft.id);
    const answer = await commit(api.server.url, draft.id);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("DRAFT_COMMIT_CONFLICT");
    const after = await draftProps(draft.id);
    expect({ ...after, reviewedAt: null }).toEqual({ ...before, reviewedAt: null });
    expect((await client.review(draft.id)).body.committed).toBeNull();
  });

  test("when the draft is unknown, or the request comes from another site, then 404 or 403 and nothing is written", async () => {
    const unknown = await commit(api.server.url, "draft:00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    const draft = await client.createDraft(ARTICLE);
    const crossSite = await commit(api.server.url, draft.id, { ...WRITE, origin: "http://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe("CROSS_SITE_REQUEST");
    expect((await draftProps(draft.id)).commitToken).toBeUndefined();
  });
});

describe("GET /api/sources/drafts/:id/dataset.zip", () => {
  test("when a draft was committed, then any instance serves its files as a zip attachment under the dataset's folder", async () => {
    const draft = await client.createDraft(ARTICLE);
    const files = [
      { path: "manifest.yaml", text: "id: source-talks-in-moscow\n" },
      { path: "sources/talks-in-moscow.txt", text: `${ARTICLE}\n` },
    ];
    // What a commit records on the Draft (review/end-commit), as an instance since restarted left it.
    await readRows(
      api.driver,
      `MATCH (d:Draft {id: $id})
       SET d.committedDatasetId = 'source-talks-in-moscow', d.committedSourceId = 'source:talks-in-moscow',
           d.committedBy = 'local', d.committedAt = datetime(), d.committedFilesJson = $files`,
      { id: draft.id, files: JSON.stringify(files) },
    );
    const response = await fetch(`${second.url}/api/sources/drafts/${encodeURIComponent(draft.id)}/dataset.zip`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="?source-talks-in-moscow\.zip"?$/,
    );
    const unzipped = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual({
      "source-talks-in-moscow/manifest.yaml": files[0]?.text,
      "source-talks-in-moscow/sources/talks-in-moscow.txt": files[1]?.text,
    });
    expect((await reviewClient(second.url).review(draft.id)).body.committed).toMatchObject({
      datasetId: "source-talks-in-moscow",
      by: "local",
    });
  });

  test("when the draft was never committed or is unknown, then 404", async () => {
    const draft = await client.createDraft(ARTICLE);
    for (const id of [draft.id, "draft:00000000-0000-4000-8000-000000000000"]) {
      const response = await fetch(`${api.server.url}/api/sources/drafts/${encodeURIComponent(id)}/dataset.zip`);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    }
  });
});

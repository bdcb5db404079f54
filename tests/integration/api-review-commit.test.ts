// Committing a reviewed draft: one commit of a draft at a time across app instances, and the committed dataset's zip served by any instance from what the Draft records.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { graphExtractor } from "../../server/drafts/extractor.js";
import { createLogger } from "../../server/lib/logger.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve, type TestServer } from "../support/http.js";
import { readRows, testConfig, testNeo4j } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { reviewClient, WRITE } from "./review-helpers.js";

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

// POST /api/sources/drafts with the server's own extractor (graphExtractor, as main.ts builds it) on the seed graph: proposals resolved to the seed's nodes, failures typed, nothing written.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DraftResponse } from "../../common/api-types.js";
import { createApp } from "../../server/app.js";
import type { Extractor } from "../../server/drafts/drafts.js";
import { graphExtractor } from "../../server/drafts/extractor.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve, type TestServer } from "../support/http.js";
import { collectLogs } from "../support/log-lines.js";
import { readRows, testConfig, testNeo4j } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { draftCount, getJson, postDraft } from "./sources-helpers.js";

const ARTICLE = [
  "Chinese Foreign Minister Wang Yi met Sergey Lavrov in Moscow on 3 March 2025.",
  "",
  'The two ministers discussed the Shanghai Cooperation Organisation. "Our ties are at their best," Lavrov said.',
].join("\n");

const logs = collectLogs();
let api: SeededApi;
const servers: TestServer[] = [];

/** An app on the seed graph with this extractor and these settings. */
async function appWith(extractor: (runner: QueryRunner) => Extractor, overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  const runner = new QueryRunner(api.driver, testNeo4j().database, config.LIAISON_QUERY_TIMEOUT_MS);
  const server = await serve(
    createApp({
      runner,
      config,
      logger: logs.logger,
      neo4jInfo: { mode: "external", uri: "bolt://test" },
      extractor: extractor(runner),
    }),
  );
  servers.push(server);
  return server.url;
}

beforeAll(async () => {
  api = await seededApi();
}, 300_000);
afterAll(async () => {
  for (const server of servers) await server.close();
  await api?.close();
});

describe("POST /api/sources/drafts with the graph extractor", () => {
  let url: string;
  beforeAll(async () => {
    url = await appWith(graphExtractor);
  });

  test("when an article names actors of the seed graph, then the draft's proposals resolve them to the seed's node ids, with offsets that slice the text exactly", async () => {
    const created = await postDraft(url, { text: ARTICLE, publishedAt: "2025-03-04" });
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(200);
    const draft = created.body as unknown as DraftResponse;
    expect(draft.text).toBe(ARTICLE);
    const proposals = draft.extraction?.proposals ?? [];
    for (const proposal of proposals) expect(draft.text.slice(proposal.start, proposal.end)).toBe(proposal.text);
    const entities = new Set(proposals.flatMap((proposal) => (proposal.entity ? [proposal.entity] : [])));
    expect([...entities]).toEqual(expect.arrayContaining(["actor:wang-yi", "actor:sergey-lavrov", "forum:sco"]));
    const wang = proposals.find((proposal) => proposal.entity === "actor:wang-yi");
    expect(wang).toMatchObject({ kind: "actor", text: "Wang Yi" });
    expect(proposals.find((proposal) => proposal.kind === "date")).toMatchObject({ value: "2025-03-03" });
    // The draft read back holds the same extraction, and the list counts its proposals.
    const stored = await getJson(url, `/api/sources/drafts/${encodeURIComponent(draft.id)}`);
    expect(stored.body.extraction).toEqual(draft.extraction);
    const list = await getJson(url, "/api/sources/drafts?limit=1");
    expect((list.body.drafts as Array<Record<string, unknown>>)[0]).toMatchObject({
      id: draft.id,
      proposalCount: proposals.length,
    });
  });

  test("when drafts exist, then /api/schema counts no Draft label and lists none of the property keys only drafts have", async () => {
    await postDraft(url, { text: ARTICLE });
    const [row] = await readRows(
      api.driver,
      `MATCH (d:Draft) WITH d LIMIT 1 UNWIND keys(d) AS key
       WITH key WHERE NOT EXISTS { MATCH (n) WHERE NOT n:Draft AND n[key] IS NOT NULL }
       RETURN collect(key) AS keys`,
    );
    const draftOnly = row?.keys as string[];
    expect(draftOnly).toContain("extractionJson");
    const schema = (await getJson(url, "/api/schema")).body as {
      labels: Array<{ name: string }>;
      propertyKeys: string[];
    };
    expect(schema.labels.map((label) => label.name)).not.toContain("Draft");
    expect(schema.propertyKeys.filter((key) => draftOnly.includes(key))).toEqual([]);
    expect(schema.propertyKeys).toContain("name");
  });
});

describe("POST /api/sources/drafts when extraction cannot be done", () => {
  test("when the extractor fails, then 422 EXTRACTION_FAILED gives its message, nothing is written, and the audit line has the code", async () => {
    const url = await appWith(() => async () => {
      throw new TypeError("cannot read the tags of undefined");
    });
    const before = await draftCount(api.driver);
    const response = await postDraft(url, { text: ARTICLE });
    expect(response.status).toBe(422);
    expect(response.body.error?.code).toBe("EXTRACTION_FAILED");
    expect(response.body.error?.message).toContain("cannot read the tags of undefined");
    expect(await draftCount(api.driver)).toBe(before);
    expect(logs.audits().some((line) => line.verdict === "EXTRACTION_FAILED")).toBe(true);
  });

  test("when the text is longer than LIAISON_EXTRACT_MAX_BYTES, then 413 SOURCE_TOO_LARGE names that limit, the extractor is not run and nothing is written", async () => {
    let runs = 0;
    const url = await appWith(
      (runner) => {
        const real = graphExtractor(runner);
        return (doc, signal) => {
          runs += 1;
          return real(doc, signal);
        };
      },
      { LIAISON_EXTRACT_MAX_BYTES: "200" },
    );
    const before = await draftCount(api.driver);
    const response = await postDraft(url, { text: `${ARTICLE}\n\n${ARTICLE}` });
    expect(response.status).toBe(413);
    expect(response.body.error?.code).toBe("SOURCE_TOO_LARGE");
    expect(response.body.error?.message).toContain("LIAISON_EXTRACT_MAX_BYTES");
    expect(runs).toBe(0);
    expect(await draftCount(api.driver)).toBe(before);
    // A text within the limit is extracted.
    const small = await postDraft(url, { text: "Wang Yi met Sergey Lavrov." });
    expect(small.status).toBe(200);
    expect(runs).toBe(1);
  });
});

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ZodType, z } from "zod";
import * as drafts from "../../common/contract/drafts.js";
import * as graph from "../../common/contract/graph.js";
import * as responses from "../../common/contract/responses.js";
import * as review from "../../common/contract/review.js";
import { loadConfig } from "../../server/config.js";
import { graphExtractor } from "../../server/drafts/extractor.js";
import { createLogger } from "../../server/lib/logger.js";
import type { QueryRunner } from "../../server/neo4j/query-runner.js";
import { apiEndpoints } from "../../server/routes/api.js";
import { generate } from "../../server/synth/generate.js";
import { readRows } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

/** One request of the tour: what it asks, and the schema its answer must match. */
interface Call {
  route: string;
  url: string;
  /** GET, or POST when there is a body; writes say their method and carry the write header. */
  method?: "POST" | "PATCH" | "DELETE";
  body?: unknown;
  status: number;
  schema: ZodType;
}

/** Every endpoint's route as the API declares it, plus the health check, so that a new endpoint fails this test until it is toured. */
const ROUTES = [
  ...apiEndpoints({
    runner: {} as QueryRunner,
    config: loadConfig({}),
    logger: createLogger("silent"),
    neo4jInfo: { mode: "external", uri: "bolt://test" },
  }).map((endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`),
  "GET /health",
];

/** The node and relationship kinds of the contract, by type, to find properties a response sends but the contract does not type. */
const NODE_SHAPES: Record<string, Record<string, unknown>> = Object.fromEntries(
  [graph.ActorData, graph.ForumData, graph.EventData, graph.ClaimData, graph.SourceData, graph.PassageData].map(
    (schema) => [schema.shape.type.value, schema.shape],
  ),
);
const EDGE_SHAPES: Record<string, Record<string, unknown>> = Object.fromEntries(
  graph.EdgeData.options.map((schema) => [schema.shape.type.value, schema.shape]),
);

/** The properties of element data in a response (at any depth) that the contract does not type for its kind, as `Type.key`. */
function untypedProperties(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) untypedProperties(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    // Elements carry their data under `data`; GET /api/nodes/:id and provenance send it as `node`.
    const data = (record.data ?? record.node) as Record<string, unknown> | undefined;
    if (data && typeof data.id === "string" && typeof data.type === "string") {
      const shape = "source" in data && "target" in data ? EDGE_SHAPES[data.type] : NODE_SHAPES[data.type];
      for (const key of Object.keys(data)) if (!shape || !(key in shape)) found.push(`${data.type}.${key}`);
    }
    for (const item of Object.values(record)) untypedProperties(item, found);
  }
  return found;
}

/** A write (POST, PATCH, DELETE) as the local editor sends it: with the write header (server/http/write-guard.ts). */
async function write(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown) {
  const response = await fetch(url, {
    method,
    headers: { "x-liaison-write": "1", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

async function tour(api: SeededApi, calls: Call[]): Promise<Set<string>> {
  const toured = new Set<string>();
  for (const call of calls) {
    const answer = call.method
      ? await write(api.server.url + call.url, call.method, call.body)
      : call.body === undefined
        ? await api.server.get(call.url)
        : await api.server.post(call.url, call.body);
    const label = `${call.url}: ${JSON.stringify(answer.body).slice(0, 300)}`;
    expect(answer.status, label).toBe(call.status);
    const parsed = call.schema.safeParse(answer.body);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5), label).toEqual([]);
    // Loose objects let any stored property through: the app's own answers must send only typed ones.
    if (call.status === 200 && call.schema !== responses.CypherResponse) {
      expect([...new Set(untypedProperties(answer.body))], call.url).toEqual([]);
    }
    toured.add(call.route);
  }
  return toured;
}

const ok = (route: string, url: string, schema: ZodType, body?: unknown): Call => ({
  route,
  url,
  schema,
  status: 200,
  ...(body === undefined ? {} : { body }),
});
/** A write as the local editor (the test server is on loopback). */
const written = (
  route: string,
  method: "POST" | "PATCH" | "DELETE",
  url: string,
  schema: ZodType,
  body?: unknown,
): Call => ({
  route,
  method,
  url,
  schema,
  status: 200,
  ...(body === undefined ? {} : { body }),
});
const failing = (route: string, url: string, status: number, body?: unknown): Call => ({
  route,
  url,
  schema: responses.ApiError,
  status,
  ...(body === undefined ? {} : { body }),
});

/** A short article naming actors of the seed graph, for the draft endpoints. */
const DRAFT_TEXT =
  "Chinese Foreign Minister Wang Yi met Sergey Lavrov in Moscow on 3 March 2025 ahead of the Shanghai Cooperation Organisation summit.";

/** One node id of each label, a passage list, a pair who met and a forum, read from the graph loaded. */
async function sample(api: SeededApi) {
  const rows = await readRows(
    api.driver,
    `UNWIND ['Actor', 'Forum', 'Event', 'Claim', 'Source', 'Passage'] AS label
     CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN n.id AS id ORDER BY COUNT { (n)--() } DESC, n.id LIMIT 1 }
     RETURN label, id`,
  );
  const ids = Object.fromEntries(rows.map((row) => [String(row.label), String(row.id)]));
  const [pair] = await readRows(
    api.driver,
    "MATCH (a:Actor)-[r:MET]->(b:Actor) RETURN a.id AS a, b.id AS b ORDER BY r.count DESC, r.pair LIMIT 1",
  );
  const passages = await readRows(api.driver, "MATCH (p:Passage) RETURN p.id AS id ORDER BY p.id LIMIT 7");
  const [statement] = await readRows(
    api.driver,
    "MATCH (c:Claim)-[:STATED_BY]->() RETURN c.id AS id ORDER BY c.id LIMIT 1",
  );
  const [forum] = await readRows(
    api.driver,
    "MATCH (:Event)-[:AT_FORUM]->(f:Forum) RETURN f.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 1",
  );
  // A draft to read, edit and delete: written as the local editor, with the graph extractor's proposals.
  const draft = await write(`${api.server.url}/api/sources/drafts`, "POST", { text: DRAFT_TEXT });
  // A draft to review, with a decision to undo and a selection to delete.
  const reviewed = await write(`${api.server.url}/api/sources/drafts`, "POST", { text: DRAFT_TEXT });
  const reviewedId = String(reviewed.body.id);
  const proposal = String(reviewed.body.extraction?.proposals?.[0]?.id);
  const reviewUrl = `${api.server.url}/api/sources/drafts/${encodeURIComponent(reviewedId)}`;
  const decided = await write(`${reviewUrl}/decisions`, "POST", { decisions: [{ proposal, action: "reject" }] });
  const selected = await write(`${reviewUrl}/selections`, "POST", { kind: "event", start: 0, end: 30 });
  // A draft to commit: every proposal accepted as the extractor resolved it.
  const accepted = await write(`${api.server.url}/api/sources/drafts`, "POST", {
    text: DRAFT_TEXT,
    title: "Contract tour",
  });
  const acceptedId = String(accepted.body.id);
  await write(`${api.server.url}/api/sources/drafts/${encodeURIComponent(acceptedId)}/decisions`, "POST", {
    decisions: (accepted.body.extraction?.proposals ?? []).map((p: { id: string }) => ({
      proposal: p.id,
      action: "accept",
    })),
  });
  return {
    committable: acceptedId,
    review: {
      draft: reviewedId,
      proposal,
      decision: String(decided.body.decisions?.[0]?.id),
      selection: String(selected.body.selections?.[0]?.id),
    },
    ids,
    draft: String(draft.body.id),
    a: String(pair?.a),
    b: String(pair?.b),
    passages: passages.map((row) => String(row.id)),
    statement: String(statement?.id ?? ids.Claim),
    forum: String(forum?.id ?? ids.Forum),
  };
}

// Some sixty requests in a row on a shared 2-core machine: each test may take minutes, none asserts a time.

/** Representative requests for every endpoint, with their filters and pages, and the error answers. */
function calls(graphSample: Awaited<ReturnType<typeof sample>>): Call[] {
  const { ids, a, b, passages, statement, forum, draft, review: reviewed, committable } = graphSample;
  const e = encodeURIComponent;
  const first = passages[0] as string;
  return [
    ok("GET /health", "/api/health", responses.HealthResponse),
    ok("GET /schema", "/api/schema", responses.SchemaResponse),
    ...["lavrov", "wang yi", "trade billion", "summit", "<b>&amp;"].map((q) =>
      ok("GET /search", `/api/search?q=${e(q)}&limit=30`, responses.SearchResponse),
    ),
    ok("GET /search", "/api/search?q=a&types=Passage,Claim", responses.SearchResponse),
    ...Object.values(ids).flatMap((id) => [
      ok("GET /nodes/:id", `/api/nodes/${e(id)}`, responses.NodeResponse),
      ok("GET /nodes/:id/neighbourhood", `/api/nodes/${e(id)}/neighbourhood`, responses.SubgraphResponse),
      ok("GET /nodes/:id/provenance", `/api/nodes/${e(id)}/provenance`, responses.ProvenanceResponse),
    ]),
    ok("GET /nodes/:id/neighbourhood", `/api/nodes/${e(a)}/neighbourhood?depth=2&limit=40`, responses.SubgraphResponse),
    ok(
      "GET /nodes/:id/neighbourhood",
      `/api/nodes/${e(a)}/neighbourhood?limit=3&offset=3&from=2022&to=2025`,
      responses.SubgraphResponse,
    ),
    ok("GET /nodes/:id/provenance", `/api/nodes/${e(statement)}/provenance`, responses.ProvenanceResponse),
    ok("GET /evidence", `/api/evidence?ids=${passages.map(e).join(",")}`, responses.EvidenceResponse),
    ok("GET /meetings", `/api/meetings?actor=${e(a)}`, responses.MeetingsResponse),
    ok("GET /meetings", `/api/meetings?actor=${e(a)}&with=${e(b)}&eventsLimit=2`, responses.MeetingsResponse),
    ok("GET /meetings", `/api/meetings?actor=${e(a)}&forum=${e(forum)}&from=2000`, responses.MeetingsResponse),
    ok("GET /meetings/network", "/api/meetings/network", responses.MeetingNetworkResponse),
    ok("GET /meetings/network", "/api/meetings/network?actors=5&ties=1&limit=4", responses.MeetingNetworkResponse),
    ok("GET /meetings/network", `/api/meetings/network?forum=${e(forum)}&from=2020`, responses.MeetingNetworkResponse),
    ok("GET /paths", `/api/paths?from=${e(a)}&to=${e(ids.Forum as string)}`, responses.PathsResponse),
    ok("GET /paths", `/api/paths?from=${e(statement)}&to=${e(b)}&maxHops=4`, responses.PathsResponse),
    ok("GET /timeline", "/api/timeline?limit=5", responses.TimelineResponse),
    ok("GET /timeline", "/api/timeline?types=Claim&from=2022&to=2024", responses.TimelineResponse),
    ok("POST /cypher", "/api/cypher", responses.CypherResponse, {
      query: "MATCH p = (n)-[r]->(m) RETURN n, r, m, p, labels(n) AS labels LIMIT 60",
    }),
    ok("POST /cypher", "/api/cypher", responses.CypherResponse, {
      query: "MATCH (d:Dataset) OPTIONAL MATCH (a:Actor)-[r:MET]->() RETURN d, r, a LIMIT 3",
    }),
    written("POST /sources/drafts", "POST", "/api/sources/drafts", drafts.DraftResponse, { text: DRAFT_TEXT }),
    ok("GET /sources/drafts", "/api/sources/drafts?limit=5", drafts.DraftListResponse),
    ok("GET /sources/drafts/:id", `/api/sources/drafts/${e(draft)}`, drafts.DraftResponse),
    written("PATCH /sources/drafts/:id", "PATCH", `/api/sources/drafts/${e(draft)}`, drafts.DraftResponse, {
      title: "Talks in Moscow",
      author: null,
    }),
    written("DELETE /sources/drafts/:id", "DELETE", `/api/sources/drafts/${e(draft)}`, drafts.DraftDeletedResponse),
    failing("GET /sources/drafts/:id", `/api/sources/drafts/${e(draft)}`, 404),
    ...reviewCalls(reviewed, committable),
    failing("POST /sources/drafts", "/api/sources/drafts", 403, { text: DRAFT_TEXT }),
    failing("GET /nodes/:id", "/api/nodes/actor:nobody-at-all", 404),
    failing("GET /nodes/:id/neighbourhood", `/api/nodes/${e(a)}/neighbourhood?depth=9`, 400),
    failing("GET /evidence", `/api/evidence?ids=${e(first)},passage:nobody:1-2`, 404),
    failing("GET /evidence", "/api/evidence?ids=", 400),
    failing("GET /meetings", `/api/meetings?actor=${e(ids.Forum as string)}`, 400),
    failing("GET /search", "/api/search?q=", 400),
    failing("POST /cypher", "/api/cypher", 403, { query: "CREATE (n:Thing) RETURN n" }),
    failing("POST /cypher", "/api/cypher", 400, { query: "MATCH (n RETURN n" }),
    failing("GET /unknown", "/api/no-such-endpoint", 404),
  ];
}

/** The review endpoints of a draft, on a draft with a decision and a selection made in `sample`. */
function reviewCalls(
  reviewed: { draft: string; proposal: string; decision: string; selection: string },
  committable: string,
): Call[] {
  const at = `/api/sources/drafts/${encodeURIComponent(reviewed.draft)}`;
  const ready = `/api/sources/drafts/${encodeURIComponent(committable)}`;
  const unknown = "/api/sources/drafts/draft:00000000-0000-4000-8000-000000000000";
  return [
    ok("GET /sources/drafts/:id/review", `${at}/review`, review.ReviewResponse),
    written("POST /sources/drafts/:id/decisions", "POST", `${at}/decisions`, review.ReviewResponse, {
      decisions: [{ proposal: reviewed.proposal, action: "accept", note: "as proposed" }],
    }),
    written(
      "POST /sources/drafts/:id/decisions/:decisionId/undo",
      "POST",
      `${at}/decisions/${encodeURIComponent(reviewed.decision)}/undo`,
      review.ReviewResponse,
    ),
    ok("GET /sources/drafts/:id/decisions", `${at}/decisions?limit=1`, review.DecisionHistoryResponse),
    written("POST /sources/drafts/:id/selections", "POST", `${at}/selections`, review.ReviewResponse, {
      kind: "claim",
      start: 0,
      end: 25,
      claimKind: "report",
    }),
    written(
      "DELETE /sources/drafts/:id/selections/:selectionId",
      "DELETE",
      `${at}/selections/${encodeURIComponent(reviewed.selection)}`,
      review.ReviewResponse,
    ),
    ok("GET /sources/drafts/:id/preview", `${at}/preview`, review.PreviewResponse),
    ok("GET /sources/drafts/:id/preview", `${ready}/preview`, review.PreviewResponse),
    written("POST /sources/drafts/:id/commit", "POST", `${ready}/commit`, review.CommitResponse),
    // A zip, not JSON: any body passes the schema; the status is what is checked here.
    ok("GET /sources/drafts/:id/dataset.zip", `${ready}/dataset.zip`, z.unknown()),
    failing("POST /sources/drafts/:id/decisions", `${at}/decisions`, 403, { decisions: [] }),
    failing("GET /sources/drafts/:id/review", `${unknown}/review`, 404),
    failing("GET /sources/drafts/:id/preview", `${unknown}/preview`, 404),
    { ...failing("POST /sources/drafts/:id/commit", `${unknown}/commit`, 404), method: "POST" },
    failing("GET /sources/drafts/:id/dataset.zip", `${at}/dataset.zip`, 404),
  ];
}

describe("the response contract (common/contract/) on the seed graph", () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await seededApi({}, { extractor: graphExtractor });
  });
  afterAll(async () => {
    await api?.close();
  });

  test("when every endpoint is called with representative parameters, then each answer matches its schema, and each error the error schema", async () => {
    const toured = await tour(api, calls(await sample(api)));
    expect(ROUTES.filter((route) => !toured.has(route))).toEqual([]);
  }, 300_000);
});

describe("the response contract on a generated graph", () => {
  let api: SeededApi;
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "liaison-contract-synth-"));
    await generate({ size: "tiny", seed: 11, out: folder });
    api = await seededApi({}, { dataset: folder, extractor: graphExtractor });
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await rm(folder, { recursive: true, force: true });
  });

  test("when every endpoint is called on another dataset's shapes, then each answer still matches its schema", async () => {
    const toured = await tour(api, calls(await sample(api)));
    expect(ROUTES.filter((route) => !toured.has(route))).toEqual([]);
  }, 300_000);
});

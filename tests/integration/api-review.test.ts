// The review of a draft on the seed graph, with the server's own extractor: decisions stored and read back, all or none, undo, history, selections, who may write, and two app instances on one Neo4j.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Proposal } from "../../common/contract/extraction.js";
import { createApp } from "../../server/app.js";
import { graphExtractor } from "../../server/drafts/extractor.js";
import { createLogger } from "../../server/lib/logger.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve, type TestServer } from "../support/http.js";
import { collectLogs } from "../support/log-lines.js";
import { readRows, testConfig, testNeo4j } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { reviewClient, reviewNodes, WRITE } from "./review-helpers.js";
import { getJson } from "./sources-helpers.js";

const ARTICLE = [
  "Chinese Foreign Minister Wang Yi met Sergey Lavrov in Moscow on 3 March 2025.",
  "",
  'The two ministers discussed the Shanghai Cooperation Organisation. "Our ties are at their best," Lavrov said.',
].join("\n");
const UNKNOWN_DRAFT = "draft:00000000-0000-4000-8000-000000000000";

const logs = collectLogs();
let api: SeededApi;
let client: ReturnType<typeof reviewClient>;
let second: TestServer;

beforeAll(async () => {
  api = await seededApi({}, { extractor: graphExtractor, logger: logs.logger });
  client = reviewClient(api.server.url);
  // A second app instance on the same Neo4j, as a second replica of one team's server would be.
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

/** A new draft of the article and its proposals; `linked` is an actor proposal the extractor resolved to a seed node. */
async function freshDraft() {
  const draft = await client.createDraft(ARTICLE);
  const proposals = (draft.extraction?.proposals ?? []) as Proposal[];
  const linked = proposals.find((proposal) => proposal.kind === "actor" && proposal.entity !== null);
  const other = proposals.find((proposal) => proposal !== linked);
  if (!linked || !other) throw new Error(`the extractor proposed no linked actor: ${JSON.stringify(proposals)}`);
  return { id: draft.id, proposals, linked, other };
}

describe("GET and POST /api/sources/drafts/:id/decisions", () => {
  test("when a new draft is read, then nothing is reviewed and every proposal counts", async () => {
    const draft = await freshDraft();
    const answer = await client.review(draft.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ draftId: draft.id, selections: [], decisions: [], committed: null });
    expect(answer.body.progress).toEqual({
      total: draft.proposals.length,
      reviewed: 0,
      accepted: 0,
      rejected: 0,
      unsure: 0,
    });
  });

  test("when decisions are posted, then each is stored with who and when, read back, and counted in progress", async () => {
    const draft = await freshDraft();
    const answer = await client.decide(draft.id, [
      { proposal: draft.linked.id, action: "accept", note: "the minister" },
      { proposal: draft.other.id, action: "reject" },
    ]);
    expect(answer.status).toBe(200);
    const again = await client.review(draft.id);
    expect(again.body).toEqual(answer.body);
    const accepted = answer.body.decisions.find((decision) => decision.proposal === draft.linked.id);
    expect(accepted).toMatchObject({
      draftId: draft.id,
      action: "accept",
      entity: draft.linked.entity,
      merge: { candidate: draft.linked.entity, verdict: "same" },
      note: "the minister",
      by: "local",
      undone: null,
    });
    expect(accepted?.id).toMatch(/^decision:[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(String(accepted?.at)))).toBe(false);
    expect(answer.body.progress).toMatchObject({ reviewed: 2, accepted: 1, rejected: 1, unsure: 0 });
  });

  test("when a linked mention is accepted as a new node, or marked unsure, then the merge verdict is different, or unsure, for its candidate", async () => {
    const draft = await freshDraft();
    const asNew = await client.decide(draft.id, [{ proposal: draft.linked.id, action: "accept", entity: null }]);
    expect(asNew.body.decisions[0]).toMatchObject({
      entity: null,
      merge: { candidate: draft.linked.entity, verdict: "different" },
    });
    const unsure = await client.decide(draft.id, [{ proposal: draft.linked.id, action: "unsure" }]);
    expect(unsure.body.decisions).toHaveLength(1);
    expect(unsure.body.decisions[0]).toMatchObject({ action: "unsure", merge: { verdict: "unsure" } });
    expect(unsure.body.progress).toMatchObject({ reviewed: 1, accepted: 0, unsure: 1 });
  });

  test("when one decision in the middle of a bulk names an unknown proposal, then 400 names it and none is written", async () => {
    const draft = await freshDraft();
    const answer = await client.decide(draft.id, [
      { proposal: draft.linked.id, action: "accept" },
      { proposal: "p9999", action: "accept" },
      { proposal: draft.other.id, action: "reject" },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe("BAD_REQUEST");
    expect(answer.body.error?.message).toContain("decisions[1].proposal");
    expect(answer.body.error?.details).toEqual([
      expect.objectContaining({
        parameter: "decisions[1].proposal",
        in: "body",
        message: expect.stringContaining("p9999"),
      }),
    ]);
    expect(await reviewNodes(api.driver, draft.id)).toEqual({ decisions: 0, selections: 0 });
  });

  test("when an entity is no node of the graph, of the wrong kind, or a new: id, or an edit leaves the text, then 400 names each and none is written", async () => {
    const draft = await freshDraft();
    const [forum] = await readRows(api.driver, "MATCH (f:Forum) RETURN f.id AS id ORDER BY f.id LIMIT 1");
    const cases: Array<[unknown, string]> = [
      [{ proposal: draft.linked.id, action: "accept", entity: "actor:nobody-at-all" }, "decisions[0].entity"],
      [{ proposal: draft.linked.id, action: "accept", entity: String(forum?.id) }, "decisions[0].entity"],
      [{ proposal: draft.linked.id, action: "accept", entity: `new:${draft.linked.id}` }, "decisions[0].entity"],
      [{ proposal: draft.linked.id, action: "accept", edit: { start: 5, end: 3 } }, "decisions[0].edit.start"],
      [{ proposal: draft.linked.id, action: "accept", edit: { end: ARTICLE.length + 1 } }, "decisions[0].edit.end"],
      [
        { proposal: draft.linked.id, action: "accept", edit: { participants: ["new:p9999"] } },
        "decisions[0].edit.participants[0]",
      ],
      [
        { proposal: draft.linked.id, action: "accept", edit: { about: ["actor:nobody-at-all"] } },
        "decisions[0].edit.about[0]",
      ],
    ];
    for (const [decision, parameter] of cases) {
      const answer = await client.decide(draft.id, [decision]);
      expect(answer.status, parameter).toBe(400);
      expect(
        ((answer.body.error?.details ?? []) as Array<{ parameter: string }>).map((problem) => problem.parameter),
      ).toEqual([parameter]);
    }
    expect(await reviewNodes(api.driver, draft.id)).toEqual({ decisions: 0, selections: 0 });
  });

  test("when an edit names the draft's own proposal as a new node and an existing actor, then it is accepted", async () => {
    const draft = await freshDraft();
    const answer = await client.decide(draft.id, [
      {
        proposal: draft.other.id,
        action: "accept",
        edit: { participants: [`new:${draft.linked.id}`, String(draft.linked.entity)], start: 0, end: 10 },
      },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.decisions[0]?.edit).toEqual({
      participants: [`new:${draft.linked.id}`, draft.linked.entity],
      start: 0,
      end: 10,
    });
  });

  test("when the body is empty, has more than 500 decisions or an unknown action, then 400 and none is written", async () => {
    const draft = await freshDraft();
    const many = Array.from({ length: 501 }, () => ({ proposal: draft.linked.id, action: "accept" }));
    for (const decisions of [[], many, [{ proposal: draft.linked.id, action: "maybe" }]]) {
      expect((await client.decide(draft.id, decisions)).status).toBe(400);
    }
    expect(await reviewNodes(api.driver, draft.id)).toEqual({ decisions: 0, selections: 0 });
  });

  test("when 500 decisions come in one request, then all are stored and the last one on a proposal is its current one", async () => {
    const draft = await freshDraft();
    const actions = ["accept", "reject", "unsure"] as const;
    const many = Array.from({ length: 500 }, (_, index) => ({ proposal: draft.linked.id, action: actions[index % 3] }));
    const answer = await client.decide(draft.id, many);
    expect(answer.status).toBe(200);
    expect(answer.body.decisions).toHaveLength(1);
    expect(answer.body.decisions[0]?.action).toBe(actions[499 % 3]);
    expect((await reviewNodes(api.driver, draft.id)).decisions).toBe(500);
  });
});

describe("POST /api/sources/drafts/:id/decisions/:decisionId/undo", () => {
  test("when the latest decision is undone, then the previous one applies again, and undoing it twice is 409", async () => {
    const draft = await freshDraft();
    await client.decide(draft.id, [{ proposal: draft.linked.id, action: "accept" }]);
    const rejected = await client.decide(draft.id, [{ proposal: draft.linked.id, action: "reject" }]);
    const rejection = rejected.body.decisions[0];
    expect(rejection?.action).toBe("reject");
    const undone = await client.undo(draft.id, String(rejection?.id));
    expect(undone.status).toBe(200);
    expect(undone.body.decisions).toEqual([expect.objectContaining({ proposal: draft.linked.id, action: "accept" })]);
    const twice = await client.undo(draft.id, String(rejection?.id));
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe("DECISION_ALREADY_UNDONE");
  });

  test("when the only decision is undone, then the proposal is unreviewed again", async () => {
    const draft = await freshDraft();
    const decided = await client.decide(draft.id, [{ proposal: draft.linked.id, action: "accept" }]);
    const undone = await client.undo(draft.id, String(decided.body.decisions[0]?.id));
    expect(undone.body.decisions).toEqual([]);
    expect(undone.body.progress.reviewed).toBe(0);
  });

  test("when the decision or the draft is unknown, or the id is malformed, then 404 or 400", async () => {
    const draft = await freshDraft();
    const nobody = "decision:00000000-0000-4000-8000-000000000000";
    expect((await client.undo(draft.id, nobody)).status).toBe(404);
    expect((await client.undo(UNKNOWN_DRAFT, nobody)).status).toBe(404);
    expect((await client.undo(draft.id, "p1")).status).toBe(400);
  });
});

describe("GET /api/sources/drafts/:id/decisions", () => {
  test("when a draft has decisions, some undone, then the history pages through all of them, newest first", async () => {
    const draft = await freshDraft();
    for (const action of ["accept", "reject", "unsure"] as const) {
      await client.decide(draft.id, [{ proposal: draft.linked.id, action }]);
    }
    const latest = (await client.review(draft.id)).body.decisions[0];
    await client.undo(draft.id, String(latest?.id));
    const first = await client.history(draft.id, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.nextOffset).toBe(2);
    expect(first.body.decisions.map((decision) => decision.action)).toEqual(["unsure", "reject"]);
    expect(first.body.decisions[0]?.undone).toMatchObject({ by: "local" });
    const rest = await client.history(draft.id, "?limit=2&offset=2");
    expect(rest.body.decisions.map((decision) => decision.action)).toEqual(["accept"]);
    expect(rest.body.nextOffset).toBeNull();
  });

  test("when the draft is unknown or the page is out of bounds, then 404 or 400", async () => {
    expect((await client.history(UNKNOWN_DRAFT)).status).toBe(404);
    const draft = await freshDraft();
    expect((await client.history(draft.id, "?limit=0")).status).toBe(400);
  });
});

describe("POST and DELETE /api/sources/drafts/:id/selections", () => {
  test("when a reviewer selects a passage, then it becomes a proposal to decide on; deleted, it goes with its decisions", async () => {
    const draft = await freshDraft();
    const start = ARTICLE.indexOf("The two ministers");
    const end = ARTICLE.indexOf("Organisation.") + "Organisation.".length;
    const selected = await client.select(draft.id, { kind: "claim", start, end, claimKind: "report" });
    expect(selected.status).toBe(200);
    const [selection] = selected.body.selections;
    expect(selection).toMatchObject({
      draftId: draft.id,
      kind: "claim",
      start,
      end,
      text: ARTICLE.slice(start, end),
      fields: { claimKind: "report" },
      by: "local",
    });
    expect(selection?.id).toMatch(/^s:[0-9a-f-]{36}$/);
    expect(selected.body.progress.total).toBe(draft.proposals.length + 1);
    const decided = await client.decide(draft.id, [{ proposal: String(selection?.id), action: "accept" }]);
    expect(decided.status).toBe(200);
    expect(decided.body.progress).toMatchObject({ reviewed: 1, accepted: 1 });
    const removed = await client.unselect(draft.id, String(selection?.id));
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ selections: [], decisions: [], progress: { total: draft.proposals.length } });
    expect(await reviewNodes(api.driver, draft.id)).toEqual({ decisions: 0, selections: 0 });
    expect((await client.unselect(draft.id, String(selection?.id))).status).toBe(404);
  });

  test("when a selection is empty, outside the text, longer than 2,000 characters or names an unknown node, then 400 and nothing is written", async () => {
    const long = await client.createDraft(`${"A long paragraph about talks in Minsk and elsewhere. ".repeat(60)}`);
    const cases: Array<Record<string, unknown>> = [
      { kind: "claim", start: 10, end: 10 },
      { kind: "event", start: 0, end: 5_000 },
      { kind: "claim", start: 0, end: 2_001 },
      { kind: "event", start: 0, end: 20, participants: ["actor:nobody-at-all"] },
      { kind: "rumour", start: 0, end: 20 },
    ];
    for (const selection of cases) {
      const answer = await client.select(long.id, selection);
      expect(answer.status, JSON.stringify(selection)).toBe(400);
    }
    expect(await reviewNodes(api.driver, long.id)).toEqual({ decisions: 0, selections: 0 });
  });
});

describe("the review's writes and readers", () => {
  test("when the draft is unknown, then every review endpoint answers 404", async () => {
    expect((await client.review(UNKNOWN_DRAFT)).status).toBe(404);
    expect((await client.decide(UNKNOWN_DRAFT, [{ proposal: "p1", action: "accept" }])).status).toBe(404);
    expect((await client.select(UNKNOWN_DRAFT, { kind: "claim", start: 0, end: 4 })).status).toBe(404);
    const selection = "s:00000000-0000-4000-8000-000000000000";
    expect((await client.unselect(UNKNOWN_DRAFT, selection)).status).toBe(404);
  });

  test("when a write comes from another site or without the write header, then 403 and nothing is written", async () => {
    const draft = await freshDraft();
    const decision = [{ proposal: draft.linked.id, action: "accept" }];
    const crossSite = await client.decide(draft.id, decision, {
      ...WRITE,
      origin: "http://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error?.code).toBe("CROSS_SITE_REQUEST");
    const bare = await client.decide(draft.id, decision, {});
    expect(bare.body.error?.code).toBe("WRITE_HEADER_MISSING");
    expect(await reviewNodes(api.driver, draft.id)).toEqual({ decisions: 0, selections: 0 });
  });

  test("when decisions are written, then each leaves an audit line with who, what and which draft", async () => {
    const draft = await freshDraft();
    await client.decide(draft.id, [{ proposal: draft.linked.id, action: "accept" }]);
    await client.decide(draft.id, [{ proposal: "p9999", action: "accept" }]);
    const lines = logs.audits().filter((line) => line.draftId === draft.id && line.action === "review.decide");
    expect(lines.map((line) => line.verdict)).toEqual(["ok", "BAD_REQUEST"]);
    expect(lines[0]).toMatchObject({ kind: "write", editor: "local" });
  });

  test("when a second app instance serves the same Neo4j, then it sees the review and its writes are seen by the first", async () => {
    const draft = await freshDraft();
    await client.decide(draft.id, [{ proposal: draft.linked.id, action: "accept" }]);
    const other = reviewClient(second.url);
    expect((await other.review(draft.id)).body).toEqual((await client.review(draft.id)).body);
    await other.decide(draft.id, [{ proposal: draft.other.id, action: "reject" }]);
    expect((await client.review(draft.id)).body.progress).toMatchObject({ reviewed: 2, rejected: 1 });
  });

  test("when several requests decide on one draft at once, then each is written whole and the decisions are numbered without a gap", async () => {
    const draft = await freshDraft();
    const actions = ["accept", "reject", "unsure", "accept", "reject", "unsure"] as const;
    const answers = await Promise.all(
      actions.map((action, index) =>
        reviewClient(index % 2 === 0 ? api.server.url : second.url).decide(draft.id, [
          { proposal: draft.linked.id, action },
          { proposal: draft.other.id, action },
        ]),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(actions.map(() => 200));
    const [row] = await readRows(
      api.driver,
      "MATCH (x:ReviewDecision {draftId: $id}) WITH x ORDER BY x.seq RETURN collect(x.seq) AS seqs, collect(x.action) AS actions",
      { id: draft.id },
    );
    expect(((row?.seqs ?? []) as unknown[]).map(Number)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    // One request's two decisions are neighbours: no other request wrote between them.
    const written = (row?.actions ?? []) as string[];
    for (let index = 0; index < written.length; index += 2) expect(written[index]).toBe(written[index + 1]);
    const current = (await client.review(draft.id)).body.decisions;
    expect(current).toHaveLength(2);
    expect(current[0]?.action).toBe(current[1]?.action);
  });

  test("when the console is on, then it can read a draft's review like the draft itself (a known gap, docs/security.md)", async () => {
    const draft = await freshDraft();
    await client.decide(draft.id, [{ proposal: draft.linked.id, action: "accept" }]);
    const answer = await api.server.post("/api/cypher", {
      query: "MATCH (x:ReviewDecision {draftId: $id}) RETURN x.action AS action",
      params: { id: draft.id },
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain("accept");
  });

  test("when a draft is deleted, then its decisions and selections go with it", async () => {
    const draft = await freshDraft();
    await client.decide(draft.id, [{ proposal: draft.linked.id, action: "accept" }]);
    await client.select(draft.id, { kind: "claim", start: 0, end: 20 });
    expect(await reviewNodes(api.driver, draft.id)).toEqual({ decisions: 1, selections: 1 });
    expect((await client.deleteDraft(draft.id)).status).toBe(200);
    expect(await reviewNodes(api.driver, draft.id)).toEqual({ decisions: 0, selections: 0 });
  });

  test("when a review exists, then /api/schema counts none of its labels and lists none of the keys only it has", async () => {
    const draft = await freshDraft();
    await client.decide(draft.id, [{ proposal: draft.linked.id, action: "accept", note: "n", edit: { name: "x" } }]);
    await client.select(draft.id, { kind: "claim", start: 0, end: 20 });
    const [row] = await readRows(
      api.driver,
      `MATCH (x) WHERE x:Draft OR x:ReviewDecision OR x:Selection UNWIND keys(x) AS key
       WITH DISTINCT key WHERE NOT EXISTS { MATCH (n) WHERE NOT (n:Draft OR n:ReviewDecision OR n:Selection) AND n[key] IS NOT NULL }
       RETURN collect(key) AS keys`,
    );
    const reviewOnly = row?.keys as string[];
    expect(reviewOnly).toEqual(expect.arrayContaining(["mergeVerdict", "fieldsJson", "reviewedAt"]));
    const schema = (await getJson(api.server.url, "/api/schema")).body as {
      labels: Array<{ name: string }>;
      propertyKeys: string[];
    };
    expect(schema.labels.map((label) => label.name)).not.toEqual(expect.arrayContaining(["ReviewDecision"]));
    expect(schema.labels.map((label) => label.name)).not.toContain("Selection");
    expect(schema.propertyKeys.filter((key) => reviewOnly.includes(key))).toEqual([]);
  });
});

describe("the review's writes under fuzzed bodies", () => {
  test("when decisions and selections are arbitrary, then answers are 200 or 4xx with the error shape, never 500", async () => {
    const draft = await freshDraft();
    const ids = [...draft.proposals.map((proposal) => proposal.id), "p9999", "s:nobody", ""];
    const nodeIds = [
      String(draft.linked.entity),
      "actor:nobody",
      `new:${draft.linked.id}`,
      "new:",
      "' OR 1=1 //",
      "é".repeat(250),
    ];
    const offset = fc.oneof(fc.integer({ min: -5, max: ARTICLE.length + 5 }), fc.constantFrom(0, 2 ** 53, 1e308, 0.5));
    const edit = fc.record(
      {
        start: offset,
        end: offset,
        name: fc.string({ maxLength: 5 }),
        date: fc.oneof(fc.constant(null), fc.constantFrom("2025-03", "2025-13-45", "1960s", "")),
        participants: fc.array(fc.constantFrom(...nodeIds), { maxLength: 3 }),
        forum: fc.oneof(fc.constant(null), fc.constantFrom(...nodeIds)),
        claimKind: fc.constantFrom("fact", "rumour"),
        extra: fc.string(),
      },
      { requiredKeys: [] },
    );
    const decision = fc.record(
      {
        proposal: fc.constantFrom(...ids),
        action: fc.constantFrom("accept", "reject", "unsure", "maybe"),
        entity: fc.oneof(fc.constant(null), fc.constantFrom(...nodeIds)),
        edit,
        note: fc.string({ maxLength: 10 }),
      },
      { requiredKeys: ["proposal", "action"] },
    );
    const body = fc.oneof(
      fc.record({ kind: fc.constant("decide" as const), decisions: fc.array(decision, { maxLength: 4 }) }),
      fc.record({
        kind: fc.constant("select" as const),
        selection: fc.record(
          { kind: fc.constantFrom("claim", "event", "x"), start: offset, end: offset },
          { requiredKeys: [] },
        ),
        edit,
      }),
    );
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const answer =
          input.kind === "decide"
            ? await client.decide(draft.id, input.decisions)
            : await client.select(draft.id, { ...input.edit, ...input.selection });
        statuses.add(answer.status);
        const where = `${JSON.stringify(input).slice(0, 300)} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
        expect(answer.status === 200 || (answer.status >= 400 && answer.status < 500), where).toBe(true);
        if (answer.status !== 200) expect(answer.body.error?.code, where).toEqual(expect.any(String));
      }),
      { seed: 20261130, numRuns: 120 },
    );
    // Both paths were taken: some bodies were written, some refused.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400]));
  }, 240_000);
});

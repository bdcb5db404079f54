import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { fromRoot } from "../../server/lib/project-root.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { backfillSourceHashes } from "../../server/sources/backfill-hashes.js";
import { serve, type TestServer } from "../support/http.js";
import { collectLogs } from "../support/log-lines.js";
import { readRows, testConfig, testNeo4j, testRunner } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import {
  deleteDraftRequest,
  draftCount,
  fixture,
  getJson,
  patchDraft,
  postDraft,
  uploadDraft,
} from "./sources-helpers.js";

const MAX_BYTES = 20_000;
const logs = collectLogs();
let api: SeededApi;
let url: string;

beforeAll(async () => {
  // A loopback server: the local user is an editor, as with `npm start`.
  api = await seededApi({ LIAISON_SOURCE_MAX_BYTES: String(MAX_BYTES) }, { logger: logs.logger });
  url = api.server.url;
});
afterAll(async () => api.close());

interface Draft {
  id: string;
  text: string;
  format: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
  paragraphs: Array<{ start: number; end: number }>;
  sentences: Array<{ start: number; end: number }>;
  createdBy: string;
  createdAt: string;
  contentSha256: string;
  knownSources: Array<{ id: string; title: string | null }>;
  extraction: unknown;
}

const ARTICLE = [
  "Foreign Minister Zorvath Quillen met his counterpart in Ulan-Ude on 3 April 2025.",
  "",
  "The two ministers held talks on trade. They agreed to meet again in the autumn!",
].join("\r\n");

describe("POST /api/sources/drafts", () => {
  test("when text is pasted, then a Draft holding the normalised text with paragraph and sentence offsets is stored in Neo4j and answered", async () => {
    const response = await postDraft(url, { text: `  ${ARTICLE}  \r\n\r\n\r\n`, title: "Talks in Ulan-Ude" });
    expect(response.status).toBe(200);
    const draft = response.body as unknown as Draft;
    expect(draft.id).toMatch(/^draft:[0-9a-f-]{36}$/);
    expect(draft.text).toBe(ARTICLE.replaceAll("\r\n", "\n"));
    expect(draft.format).toBe("text");
    expect(draft.title).toBe("Talks in Ulan-Ude");
    expect(draft.createdBy).toBe("local");
    expect(draft.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(draft.knownSources).toEqual([]);
    // No extractor is wired into this app: no proposals, and no pretence of any.
    expect(draft.extraction).toBeNull();
    expect(draft.paragraphs.map((p) => draft.text.slice(p.start, p.end))).toEqual([
      "Foreign Minister Zorvath Quillen met his counterpart in Ulan-Ude on 3 April 2025.",
      "The two ministers held talks on trade. They agreed to meet again in the autumn!",
    ]);
    expect(draft.sentences.map((s) => draft.text.slice(s.start, s.end))).toEqual([
      "Foreign Minister Zorvath Quillen met his counterpart in Ulan-Ude on 3 April 2025.",
      "The two ministers held talks on trade.",
      "They agreed to meet again in the autumn!",
    ]);

    const stored = await getJson(url, `/api/sources/drafts/${draft.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual({ ...draft });
  });

  test("when a draft is stored, then no reader of the explorer sees it: not by id, not in search, not in the counts", async () => {
    const { body } = await postDraft(url, { text: "Zyxquor Blenwick visited Vladivostok and spoke of Zyxquor ties." });
    const id = String(body.id);
    expect((await getJson(url, `/api/nodes/${encodeURIComponent(id)}`)).status).toBe(404);
    const search = await getJson(url, "/api/search?q=Zyxquor");
    expect(search.status).toBe(200);
    expect(search.body.hits).toEqual([]);
    const health = await getJson(url, "/api/health");
    expect(JSON.stringify(health.body)).not.toContain("Draft");
  });

  test("when the text of a source already in the graph is pasted again, with other line ends and spaces, then the draft names that source", async () => {
    const seedText = readFileSync(
      fromRoot("data", "seed", "sources", "moscow-beijing-no-limits-partnership.txt"),
      "utf8",
    );
    const respaced = `\uFEFF${seedText.replaceAll("\n", " \r\n")}\n\n`;
    const response = await postDraft(url, { text: respaced });
    expect(response.status).toBe(200);
    expect((response.body as unknown as Draft).knownSources).toEqual([
      {
        id: "source:moscow-beijing-no-limits-partnership",
        title: "Relations between Moscow and Beijing Since 2022: No Limits Partnership with Cautions",
      },
    ]);
    const list = await getJson(url, "/api/sources/drafts?limit=1");
    expect((list.body.drafts as Array<Record<string, unknown>>)[0]).toMatchObject({
      id: response.body.id,
      knownSource: true,
    });
  });

  test("when an HTML page is uploaded, then the article's text is kept without navigation, scripts or footer, with the page's metadata", async () => {
    const response = await uploadDraft(url, {
      name: "wang-lavrov.html",
      bytes: fixture("article.html"),
      type: "text/html",
    });
    expect(response.status).toBe(200);
    const draft = response.body as unknown as Draft;
    expect(draft.format).toBe("html");
    expect(draft.text).toContain(
      "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov on the sidelines of the G20 summit in Rio de Janeiro on Monday",
    );
    expect(draft.text).toContain("“Our relations are at their best in history,” Lavrov told reporters");
    for (const furniture of ["Sign in", "Privacy", "tracking", "font-family"])
      expect(draft.text).not.toContain(furniture);
    expect(draft).toMatchObject({
      title: "Wang Yi and Lavrov meet on the sidelines of the G20",
      author: "Jane Example",
      publisher: "The Test Gazette",
      publishedAt: "2024-11-18T10:00:00Z",
      url: "https://gazette.example/world/wang-lavrov-rio",
    });
    expect(draft.paragraphs.length).toBeGreaterThanOrEqual(3);
  });

  test("when metadata is given with an upload, then it wins over what the document says", async () => {
    const response = await uploadDraft(
      url,
      { name: "page.htm", bytes: fixture("article.html") },
      { title: "My own title", publishedAt: "2024-11-19", sourceUrl: "https://example.org/copy" },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      title: "My own title",
      publishedAt: "2024-11-19",
      url: "https://example.org/copy",
      author: "Jane Example",
    });
  });

  test("when a PDF with text is uploaded, then its text layer and document information become the draft", async () => {
    const response = await uploadDraft(url, {
      name: "ministers.pdf",
      bytes: fixture("with-text.pdf"),
      type: "application/pdf",
    });
    expect(response.status).toBe(200);
    const draft = response.body as unknown as Draft;
    expect(draft.format).toBe("pdf");
    expect(draft.text).toContain("Wang Yi met Sergey Lavrov in Beijing on 12 March 2025.");
    expect(draft.text).toContain("Both sides said relations were at their best in history.");
    expect(draft).toMatchObject({
      title: "Ministers meet in Beijing",
      author: "Test Desk",
      publishedAt: "2025-03-13T09:00:00Z",
    });
  });

  test("when text comes as a form field instead of JSON, then it becomes the draft", async () => {
    const form = new FormData();
    form.append("text", ARTICLE);
    form.append("title", "From a form");
    const response = await fetch(`${url}/api/sources/drafts`, {
      method: "POST",
      headers: { "x-liaison-write": "1" },
      body: form,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      format: "text",
      title: "From a form",
      text: ARTICLE.replaceAll("\r\n", "\n"),
    });
  });

  test("when a .txt file is uploaded, then its text becomes the draft", async () => {
    const response = await uploadDraft(url, { name: "notes.txt", bytes: Buffer.from(ARTICLE, "utf8") });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ format: "text", text: ARTICLE.replaceAll("\r\n", "\n") });
  });
});

describe("POST /api/sources/drafts with bad input", () => {
  const binary = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x00, 0x01,
  ]);
  const cases: Array<{
    name: string;
    send: () => Promise<{ status: number; body: Record<string, unknown> }>;
    status: number;
    code: string;
    input?: string;
  }> = [
    { name: "empty text", send: () => postDraft(url, { text: "" }), status: 400, code: "SOURCE_EMPTY", input: "text" },
    {
      name: "only whitespace",
      send: () => postDraft(url, { text: " \r\n\t \u200B\n" }),
      status: 400,
      code: "SOURCE_EMPTY",
      input: "text",
    },
    {
      name: "an empty file",
      send: () => uploadDraft(url, { name: "empty.txt", bytes: Buffer.alloc(0) }),
      status: 400,
      code: "SOURCE_EMPTY",
      input: "file",
    },
    {
      name: "text over the limit",
      send: () => postDraft(url, { text: "a".repeat(MAX_BYTES + 1) }),
      status: 413,
      code: "SOURCE_TOO_LARGE",
      input: "text",
    },
    {
      name: "multi-byte text over the limit",
      send: () => postDraft(url, { text: "é".repeat(MAX_BYTES / 2 + 1) }),
      status: 413,
      code: "SOURCE_TOO_LARGE",
      input: "text",
    },
    {
      name: "a JSON body far over the limit",
      send: () => postDraft(url, { text: "\u0001".repeat(MAX_BYTES * 2) }),
      status: 413,
      code: "SOURCE_TOO_LARGE",
      input: "text",
    },
    {
      name: "a form's text field over the limit",
      send: async () => {
        const form = new FormData();
        form.append("text", "a".repeat(MAX_BYTES + 1));
        const response = await fetch(`${url}/api/sources/drafts`, {
          method: "POST",
          headers: { "x-liaison-write": "1" },
          body: form,
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      },
      status: 413,
      code: "SOURCE_TOO_LARGE",
      input: "text",
    },
    {
      name: "a file over the limit",
      send: () => uploadDraft(url, { name: "big.txt", bytes: Buffer.alloc(MAX_BYTES + 1, 0x61) }),
      status: 413,
      code: "SOURCE_TOO_LARGE",
      input: "file",
    },
    {
      name: "binary bytes named .txt",
      send: () => uploadDraft(url, { name: "image.txt", bytes: binary }),
      status: 415,
      code: "SOURCE_BINARY",
      input: "file",
    },
    {
      name: "binary bytes named .html",
      send: () => uploadDraft(url, { name: "image.html", bytes: binary }),
      status: 415,
      code: "SOURCE_BINARY",
      input: "file",
    },
    {
      name: "pasted text with NUL bytes",
      send: () => postDraft(url, { text: "abc\u0000def\u0000" }),
      status: 415,
      code: "SOURCE_BINARY",
      input: "text",
    },
    {
      name: "a .docx file",
      send: () => uploadDraft(url, { name: "report.docx", bytes: Buffer.from("PK\u0003\u0004...") }),
      status: 415,
      code: "SOURCE_UNSUPPORTED_TYPE",
      input: "file",
    },
    {
      name: "a PDF without text",
      send: () => uploadDraft(url, { name: "scan.pdf", bytes: fixture("no-text.pdf") }),
      status: 422,
      code: "PDF_NO_TEXT",
      input: "file",
    },
    {
      name: "a .pdf that is not a PDF",
      send: () => uploadDraft(url, { name: "fake.pdf", bytes: Buffer.from("just words") }),
      status: 422,
      code: "PDF_NO_TEXT",
      input: "file",
    },
    {
      name: "HTML without an article",
      send: () => uploadDraft(url, { name: "login.html", bytes: fixture("no-article.html") }),
      status: 422,
      code: "HTML_NO_ARTICLE",
      input: "file",
    },
    {
      name: "no source at all",
      send: () => postDraft(url, { title: "Only a title" }),
      status: 400,
      code: "BAD_REQUEST",
    },
    {
      name: "text and a URL at once",
      send: () => postDraft(url, { text: "Words.", url: "https://example.org/" }),
      status: 400,
      code: "BAD_REQUEST",
    },
    {
      name: "an unknown field",
      send: () => postDraft(url, { text: "Words.", colour: "red" }),
      status: 400,
      code: "BAD_REQUEST",
    },
    {
      name: "a publication date that is not a date",
      send: () => postDraft(url, { text: "Words.", publishedAt: "soon" }),
      status: 400,
      code: "BAD_REQUEST",
    },
    {
      name: "a file in another field",
      send: async () => {
        const form = new FormData();
        form.append("attachment", new Blob(["words"]), "a.txt");
        const response = await fetch(`${url}/api/sources/drafts`, {
          method: "POST",
          headers: { "x-liaison-write": "1" },
          body: form,
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      },
      status: 400,
      code: "BAD_REQUEST",
    },
  ];

  test.each(cases)(
    "when the source is $name, then $status $code names the input and nothing is written",
    async ({ send, status, code, input }) => {
      const before = await draftCount(api.driver);
      const response = await send();
      expect(response.status).toBe(status);
      const error = response.body.error as { code: string; message: string; details?: { input?: string } };
      expect(error.code).toBe(code);
      if (input) expect(error.details?.input).toBe(input);
      expect(error.message).not.toMatch(/\bat .+\.(ts|js):\d+/);
      expect(await draftCount(api.driver)).toBe(before);
    },
  );
});

describe("GET /api/sources/drafts", () => {
  test("when drafts are listed a page at a time, then the newest come first, without their text, and nextOffset walks them all", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(String((await postDraft(url, { text: `Paging draft number ${n}.` })).body.id));
    const total = await draftCount(api.driver);
    const first = await getJson(url, "/api/sources/drafts?limit=2");
    expect(first.status).toBe(200);
    const firstDrafts = first.body.drafts as Array<Record<string, unknown>>;
    expect(firstDrafts.map((d) => d.id)).toEqual([ids[2], ids[1]]);
    expect(first.body).toMatchObject({ total, nextOffset: 2 });
    expect(firstDrafts[0]).not.toHaveProperty("text");
    expect(firstDrafts[0]).toMatchObject({
      format: "text",
      createdBy: "local",
      characters: "Paging draft number 3.".length,
      proposalCount: null,
    });
    const seen = [...firstDrafts.map((d) => d.id)];
    let offset = first.body.nextOffset as number | null;
    while (offset !== null) {
      const page = await getJson(url, `/api/sources/drafts?limit=2&offset=${offset}`);
      seen.push(...(page.body.drafts as Array<Record<string, unknown>>).map((d) => d.id));
      offset = page.body.nextOffset as number | null;
    }
    expect(new Set(seen).size).toBe(total);
  });

  test("when the paging parameters are out of bounds or the id is not a draft id, then 400 names them", async () => {
    expect((await getJson(url, "/api/sources/drafts?limit=0")).body).toMatchObject({
      error: { code: "BAD_REQUEST", details: [{ parameter: "limit" }] },
    });
    expect((await getJson(url, "/api/sources/drafts/actor:wang-yi")).body).toMatchObject({
      error: { code: "BAD_REQUEST", details: [{ parameter: "id" }] },
    });
    expect((await getJson(url, "/api/sources/drafts/draft:00000000-0000-0000-0000-000000000000")).status).toBe(404);
  });
});

describe("PATCH /api/sources/drafts/:id", () => {
  test("when an editor edits the metadata, then the given fields change, null clears one, and the text stays", async () => {
    const created = await uploadDraft(url, { name: "page.html", bytes: fixture("article.html") });
    const id = String(created.body.id);
    const edited = await patchDraft(url, id, { title: "Edited title", author: null, publishedAt: "2024/11/20" });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id,
      title: "Edited title",
      author: null,
      publishedAt: "2024-11-20",
      publisher: "The Test Gazette",
      text: created.body.text,
    });
    expect((await getJson(url, `/api/sources/drafts/${id}`)).body).toMatchObject({
      title: "Edited title",
      author: null,
    });
    expect(
      logs.audits().some((line) => line.action === "draft.update" && line.draftId === id && line.verdict === "ok"),
    ).toBe(true);
  });

  test("when an edit is empty, names an unknown field, touches the text or has a bad date, then 400 names it; an unknown draft is 404", async () => {
    const id = String((await postDraft(url, { text: "A draft to edit." })).body.id);
    for (const body of [{}, { text: "replaced" }, { publishedAt: "someday" }, { url: "javascript:alert(1)" }]) {
      const response = await patchDraft(url, id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error?.code).toBe("BAD_REQUEST");
    }
    expect((await getJson(url, `/api/sources/drafts/${id}`)).body.text).toBe("A draft to edit.");
    expect((await patchDraft(url, "draft:00000000-0000-0000-0000-000000000000", { title: "x" })).status).toBe(404);
  });
});

describe("DELETE /api/sources/drafts/:id", () => {
  test("when a draft is deleted, then it is gone from Neo4j, and deleting it again is 404", async () => {
    const id = String((await postDraft(url, { text: "A draft to delete." })).body.id);
    const before = await draftCount(api.driver);
    const deleted = await deleteDraftRequest(url, id);
    expect(deleted).toEqual({ status: 200, body: { id, deleted: true } });
    expect(await draftCount(api.driver)).toBe(before - 1);
    expect((await getJson(url, `/api/sources/drafts/${id}`)).status).toBe(404);
    expect((await deleteDraftRequest(url, id)).status).toBe(404);
  });
});

describe("audit of writes", () => {
  test("when drafts are created and deleted, then each is one audit line with who, what, when and the draft id", async () => {
    const id = String((await postDraft(url, { text: "An audited draft." })).body.id);
    await deleteDraftRequest(url, id);
    const writes = logs.audits().filter((line) => line.kind === "write" && line.draftId === id);
    expect(writes).toEqual([
      expect.objectContaining({
        action: "draft.create",
        editor: "local",
        verdict: "ok",
        route: "POST /api/sources/drafts",
        client: "127.0.0.1",
      }),
      expect.objectContaining({
        action: "draft.delete",
        editor: "local",
        verdict: "ok",
        route: `DELETE /api/sources/drafts/${encodeURIComponent(id)}`,
      }),
    ]);
    for (const line of writes) expect(Date.parse(String(line.at))).not.toBeNaN();
    // A refused source is audited with its code too, and never with its text.
    await postDraft(url, { text: "" });
    expect(logs.audits().some((line) => line.kind === "write" && line.verdict === "SOURCE_EMPTY")).toBe(true);
    expect(JSON.stringify(logs.audits())).not.toContain("An audited draft.");
  });
});

/** One proposal of the extraction contract (common/contract/extraction.ts), as a stand-in extractor returns it. */
const PROPOSAL = {
  id: "p1",
  kind: "actor" as const,
  type: "person" as const,
  text: "Zorvath Quillen",
  start: 0,
  end: 15,
  score: 0.5,
  reason: "a stand-in extractor",
  entity: null,
  alternatives: [],
};

describe("an app with an extractor", () => {
  let withExtractor: TestServer;
  const seen: Array<{ text: string; publishedAt?: string }> = [];

  beforeAll(async () => {
    const config = testConfig();
    withExtractor = await serve(
      createApp({
        runner: new QueryRunner(api.driver, testNeo4j().database, config.LIAISON_QUERY_TIMEOUT_MS),
        config,
        logger: logs.logger,
        neo4jInfo: { mode: "external", uri: "bolt://test" },
        extractor: async (doc) => {
          seen.push(doc);
          const start = doc.text.indexOf("Zorvath Quillen");
          return {
            paragraphs: [],
            sentences: [],
            proposals: [{ ...PROPOSAL, start, end: start + 15 }],
          };
        },
      }),
    );
  });
  afterAll(async () => withExtractor.close());

  test("when a draft is created, then the extractor gets the normalised text and publication date, and its proposals are stored as returned", async () => {
    const response = await postDraft(withExtractor.url, { text: ARTICLE, publishedAt: "2025-04-04" });
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toEqual({ text: ARTICLE.replaceAll("\r\n", "\n"), publishedAt: "2025-04-04" });
    const stored = await getJson(withExtractor.url, `/api/sources/drafts/${response.body.id}`);
    expect(stored.body.extraction).toEqual({
      paragraphs: [],
      sentences: [],
      proposals: [{ ...PROPOSAL, start: 17, end: 32 }],
    });
    const list = await getJson(withExtractor.url, "/api/sources/drafts?limit=1");
    expect((list.body.drafts as Array<Record<string, unknown>>)[0]).toMatchObject({ proposalCount: 1 });
  });
});

describe("GET /api/openapi.json", () => {
  test("when the document is read, then the draft endpoints are there with their upload form and response schemas", async () => {
    const { body } = await getJson(url, "/api/openapi.json");
    const paths = body.paths as Record<string, Record<string, Record<string, unknown>>>;
    const create = paths["/api/sources/drafts"]?.post as {
      requestBody: { content: Record<string, unknown> };
      responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
    };
    expect(Object.keys(create.requestBody.content)).toEqual(["application/json", "multipart/form-data"]);
    expect(create.responses["200"]?.content["application/json"]?.schema.$ref).toBe(
      "#/components/schemas/DraftResponse",
    );
    const components = (body.components as { schemas: Record<string, { properties: Record<string, unknown> }> })
      .schemas;
    expect(components.DraftResponse?.properties).toHaveProperty("paragraphs");
    expect(components.DraftResponse?.properties).toHaveProperty("extraction");
    expect(paths["/api/sources/drafts"]?.get).toBeDefined();
    expect(paths["/api/sources/drafts/{id}"]?.get).toBeDefined();
    expect(paths["/api/sources/drafts/{id}"]?.delete).toBeDefined();
    expect(paths["/api/sources/drafts/{id}"]?.patch).toBeDefined();
  });
});

describe("start-up on a database loaded before sources carried their hash", () => {
  test("when Source nodes lack contentSha256, then the backfill adds it and their text is recognised again", async () => {
    await readRows(api.driver, "MATCH (s:Source) REMOVE s.contentSha256");
    const seedText = readFileSync(
      fromRoot("data", "seed", "sources", "moscow-beijing-no-limits-partnership.txt"),
      "utf8",
    );
    expect((await postDraft(url, { text: seedText })).body.knownSources).toEqual([]);
    expect(await backfillSourceHashes(testRunner(api.driver))).toBe(1);
    expect(await backfillSourceHashes(testRunner(api.driver))).toBe(0);
    const again = await postDraft(url, { text: seedText });
    expect((again.body.knownSources as Array<{ id: string }>).map((source) => source.id)).toEqual([
      "source:moscow-beijing-no-limits-partnership",
    ]);
  });
});

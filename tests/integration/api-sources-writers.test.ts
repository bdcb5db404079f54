import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { createLogger } from "../../server/lib/logger.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve, type TestServer } from "../support/http.js";
import { collectLogs } from "../support/log-lines.js";
import { testConfig, testNeo4j } from "../support/neo4j.js";
import { rawRequest } from "../support/raw-http.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { draftCount, postDraft } from "./sources-helpers.js";

const READER = "reader-token-of-more-than-16";
const EDITOR = "editor-token-of-more-than-16";
const HOST = "liaison.example.org";
const logs = collectLogs();
let api: SeededApi;

beforeAll(async () => {
  api = await seededApi(
    {
      HOST: "0.0.0.0",
      LIAISON_ACCESS_TOKEN: READER,
      LIAISON_EDITOR_TOKEN: EDITOR,
      LIAISON_ALLOWED_HOSTS: HOST,
    },
    { logger: logs.logger },
  );
});
afterAll(async () => api.close());

const text = "Minister Orlanth Vey met envoy Tessaly Morn in Tashkent on 2 May 2025.";
const send = (method: "POST" | "PATCH" | "DELETE", path: string, headers: Record<string, string>, body?: unknown) =>
  rawRequest(api.server.url, {
    method,
    path,
    headers: { host: HOST, ...headers },
    ...(body === undefined ? {} : { body }),
  });
const editor = { authorization: `Bearer ${EDITOR}`, "x-liaison-write": "1" };
const code = (response: { json: unknown }) => (response.json as { error?: { code?: string } }).error?.code;

describe("who may write: POST and DELETE /api/sources/drafts on an exposed server", () => {
  test("when the editor token comes with the write header, then the draft is stored and says who made it", async () => {
    const before = await draftCount(api.driver);
    const response = await send("POST", "/api/sources/drafts", editor, { text });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ createdBy: "editor-token", text });
    expect(await draftCount(api.driver)).toBe(before + 1);
  });

  test("when the editor pastes a text larger than the app's other JSON bodies (300 kB), then it is taken up to LIAISON_SOURCE_MAX_BYTES", async () => {
    const long = `${"Paragraph about a long meeting in Minsk. ".repeat(40)}\n\n`.repeat(180);
    expect(Buffer.byteLength(long)).toBeGreaterThan(256 * 1024);
    const response = await send("POST", "/api/sources/drafts", editor, { text: long });
    expect(response.status).toBe(200);
    expect((response.json as { paragraphs: unknown[] }).paragraphs).toHaveLength(180);
  });

  test("when the request comes from this app's own page (same Origin, same-origin fetch), then it is accepted", async () => {
    const response = await send(
      "POST",
      "/api/sources/drafts",
      { ...editor, origin: `http://${HOST}`, "sec-fetch-site": "same-origin" },
      { text },
    );
    expect(response.status).toBe(200);
  });

  test("when a reader's token writes, then 403 EDITOR_REQUIRED and nothing is written, while it still reads", async () => {
    const before = await draftCount(api.driver);
    const reader = { authorization: `Bearer ${READER}`, "x-liaison-write": "1" };
    const created = await send("POST", "/api/sources/drafts", reader, { text });
    expect(created.status).toBe(403);
    expect(code(created)).toBe("EDITOR_REQUIRED");
    const list = await rawRequest(api.server.url, {
      path: "/api/sources/drafts",
      headers: { host: HOST, authorization: `Bearer ${READER}` },
    });
    expect(list.status).toBe(200);
    const id = String((list.json as { drafts: Array<{ id: string }> }).drafts[0]?.id);
    const deleted = await send("DELETE", `/api/sources/drafts/${id}`, reader);
    expect(code(deleted)).toBe("EDITOR_REQUIRED");
    const edited = await rawRequest(api.server.url, {
      method: "PATCH",
      path: `/api/sources/drafts/${id}`,
      headers: { host: HOST, ...reader },
      body: { title: "Defaced" },
    });
    expect(code(edited)).toBe("EDITOR_REQUIRED");
    expect(await draftCount(api.driver)).toBe(before);
  });

  test("when no token or a wrong one is sent, then 401 UNAUTHORIZED before anything else", async () => {
    const attempts: Array<Record<string, string>> = [
      { "x-liaison-write": "1" },
      { "x-liaison-write": "1", authorization: "Bearer not-the-editor-token-at-all" },
    ];
    for (const headers of attempts) {
      const response = await send("POST", "/api/sources/drafts", headers, { text });
      expect(response.status).toBe(401);
      expect(code(response)).toBe("UNAUTHORIZED");
    }
  });

  test("when the write header is missing, even with the editor token, then 403 WRITE_HEADER_MISSING", async () => {
    const before = await draftCount(api.driver);
    for (const value of [undefined, "0", "true"]) {
      const headers: Record<string, string> = { authorization: `Bearer ${EDITOR}` };
      if (value !== undefined) headers["x-liaison-write"] = value;
      const response = await send("POST", "/api/sources/drafts", headers, { text });
      expect(response.status).toBe(403);
      expect(code(response)).toBe("WRITE_HEADER_MISSING");
    }
    expect(await draftCount(api.driver)).toBe(before);
  });

  test("when the Origin is another site (or another port, or null), then 403 CROSS_SITE_REQUEST", async () => {
    for (const origin of [
      "http://evil.example",
      `http://${HOST}.evil.example`,
      `http://${HOST}:8080`,
      `https://${HOST}:3000`,
      "null",
    ]) {
      const response = await send("POST", "/api/sources/drafts", { ...editor, origin }, { text });
      expect(response.status, origin).toBe(403);
      expect(code(response), origin).toBe("CROSS_SITE_REQUEST");
    }
  });

  test("when the browser says the request is cross-site or same-site, then 403 CROSS_SITE_REQUEST", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const response = await send("POST", "/api/sources/drafts", { ...editor, "sec-fetch-site": site }, { text });
      expect(code(response), site).toBe("CROSS_SITE_REQUEST");
    }
  });

  test("when an attacker's page posts a form carrying the editor's cookie, then it is refused whatever the form's encoding, and nothing is written", async () => {
    const before = await draftCount(api.driver);
    // What a browser sends for <form method=post action=…> on another site: its Origin, a simple
    // content type, no custom header. The cookie is SameSite=Strict, so a browser would not even
    // attach it; the server refuses without relying on that.
    const cookie = `liaison_token=${EDITOR}`;
    const forms: Array<{ headers: Record<string, string>; body: string }> = [
      {
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "http://evil.example",
          "sec-fetch-site": "cross-site",
        },
        body: `text=${encodeURIComponent(text)}`,
      },
      {
        headers: { "content-type": "text/plain", origin: "http://evil.example" },
        body: JSON.stringify({ text }),
      },
      // An old browser that sends neither Origin nor Sec-Fetch-Site: the missing header stops it.
      {
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body: `--x\r\nContent-Disposition: form-data; name="text"\r\n\r\n${text}\r\n--x--\r\n`,
      },
    ];
    const codes: string[] = [];
    for (const form of forms) {
      const response = await send("POST", "/api/sources/drafts", { cookie, ...form.headers }, form.body);
      expect(response.status).toBe(403);
      codes.push(String(code(response)));
    }
    expect(codes).toEqual(["CROSS_SITE_REQUEST", "CROSS_SITE_REQUEST", "WRITE_HEADER_MISSING"]);
    const deleteFromElsewhere = await send("DELETE", "/api/sources/drafts/draft:00000000-0000-0000-0000-000000000000", {
      cookie,
      origin: "http://evil.example",
    });
    expect(code(deleteFromElsewhere)).toBe("CROSS_SITE_REQUEST");
    expect(await draftCount(api.driver)).toBe(before);
  });

  test("when the editor deletes a draft, then it is gone", async () => {
    const created = await send("POST", "/api/sources/drafts", editor, { text });
    const id = String((created.json as { id: string }).id);
    const deleted = await send("DELETE", `/api/sources/drafts/${id}`, editor);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ id, deleted: true });
  });

  test("when writes are accepted or refused, then each leaves one audit line saying who, what and when, never a token or the text", async () => {
    const audits = logs.audits();
    const refusals = new Set(audits.filter((line) => line.kind === "refused").map((line) => line.verdict));
    for (const verdict of ["EDITOR_REQUIRED", "WRITE_HEADER_MISSING", "CROSS_SITE_REQUEST", "UNAUTHORIZED"])
      expect(refusals).toContain(verdict);
    const writes = audits.filter((line) => line.kind === "write");
    expect(writes.filter((line) => line.action === "draft.create" && line.verdict === "ok").length).toBe(4);
    expect(writes.find((line) => line.action === "draft.delete" && line.verdict === "ok")).toMatchObject({
      editor: "editor-token",
      client: "127.0.0.1",
      draftId: expect.stringMatching(/^draft:/),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const everything = JSON.stringify(logs.lines());
    expect(everything).not.toContain(EDITOR);
    expect(everything).not.toContain(READER);
    expect(everything).not.toContain("Orlanth");
  });
});

describe("who may write on a loopback server", () => {
  let noLocalEditor: TestServer;
  beforeAll(async () => {
    const config = testConfig({ LIAISON_LOCAL_EDITOR: "false" });
    noLocalEditor = await serve(
      createApp({
        runner: new QueryRunner(api.driver, testNeo4j().database, config.LIAISON_QUERY_TIMEOUT_MS),
        config,
        logger: createLogger("silent"),
        neo4jInfo: { mode: "external", uri: "bolt://test" },
      }),
    );
  });
  afterAll(async () => noLocalEditor.close());

  test("when the local user is not made an editor and no editor token is configured, then writes get 403 EDITOR_REQUIRED", async () => {
    const response = await postDraft(noLocalEditor.url, { text });
    expect(response.status).toBe(403);
    expect(response.body.error?.code).toBe("EDITOR_REQUIRED");
  });
});

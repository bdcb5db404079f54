import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { createLogger } from "../../server/lib/logger.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve, type TestServer } from "../support/http.js";
import { testConfig, testNeo4j } from "../support/neo4j.js";
import { rawRequest } from "../support/raw-http.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { draftCount, fixture, postDraft } from "./sources-helpers.js";

const MAX_BYTES = 20_000;
const TIMEOUT_MS = 1_500;

/** A web server of the test's own on 127.0.0.1: articles, a PDF, redirects, a silent page, a huge page. */
let site: http.Server;
let sitePort = 0;
const held: http.ServerResponse[] = [];

function startSite(): Promise<void> {
  site = http.createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/article") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(fixture("article.html"));
    } else if (path === "/article.gz") {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(zlib.gzipSync(fixture("article.html")));
    } else if (path === "/report.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end(fixture("with-text.pdf"));
    } else if (path === "/notes") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("Plain notes about a meeting in Astana.\n\nSecond paragraph.");
    } else if (path === "/moved") {
      res.writeHead(302, { location: "/article" });
      res.end();
    } else if (path.startsWith("/to/")) {
      // Redirects to whatever follows /to/, e.g. /to/http://127.0.0.2:1234/article.
      res.writeHead(301, { location: decodeURIComponent(path.slice(4)) });
      res.end();
    } else if (path === "/loop") {
      res.writeHead(302, { location: "/loop" });
      res.end();
    } else if (path === "/silent") {
      held.push(res); // Never answers.
    } else if (path === "/trickle") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("Starts, then stops sending. ");
      held.push(res);
    } else if (path === "/huge") {
      // No Content-Length: the limit must hold while reading.
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 50; i += 1) res.write("x".repeat(1000));
      res.end();
    } else if (path === "/bomb.gz") {
      res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
      res.end(zlib.gzipSync(Buffer.alloc(10_000_000, 0x61)));
    } else if (path === "/image") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (path === "/gone") {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not here");
    } else {
      res.writeHead(500);
      res.end();
    }
  });
  return new Promise((resolve) => {
    site.listen(0, "127.0.0.1", () => {
      sitePort = (site.address() as AddressInfo).port;
      resolve();
    });
  });
}

let api: SeededApi;
let allowing: TestServer;
let exposed: TestServer;

beforeAll(async () => {
  await startSite();
  // Default settings on loopback: fetching is on, private addresses are not reachable.
  api = await seededApi({
    LIAISON_SOURCE_MAX_BYTES: String(MAX_BYTES),
    LIAISON_SOURCE_FETCH_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  const app = (overrides: Record<string, string>) => {
    const config = testConfig({
      LIAISON_SOURCE_MAX_BYTES: String(MAX_BYTES),
      LIAISON_SOURCE_FETCH_TIMEOUT_MS: String(TIMEOUT_MS),
      ...overrides,
    });
    return serve(
      createApp({
        runner: new QueryRunner(api.driver, testNeo4j().database, config.LIAISON_QUERY_TIMEOUT_MS),
        config,
        logger: createLogger("silent"),
        neo4jInfo: { mode: "external", uri: "bolt://test" },
      }),
    );
  };
  // The operator allows exactly 127.0.0.1, where the test's site runs; 127.0.0.2 stays private.
  allowing = await app({ LIAISON_SOURCE_FETCH_ALLOW_PRIVATE: "127.0.0.1/32" });
  exposed = await app({
    HOST: "0.0.0.0",
    LIAISON_ACCESS_TOKEN: "reader-token-of-sixteen-chars",
    LIAISON_EDITOR_TOKEN: "editor-token-of-sixteen-chars",
    LIAISON_ALLOWED_HOSTS: "liaison.example.org",
    LIAISON_SOURCE_FETCH_ALLOW_PRIVATE: "127.0.0.1/32",
  });
});
afterAll(async () => {
  for (const res of held) res.destroy();
  site.closeAllConnections();
  site.close();
  await allowing.close();
  await exposed.close();
  await api.close();
});

const at = (path: string) => `http://127.0.0.1:${sitePort}${path}`;

describe("POST /api/sources/drafts with a url, on default settings", () => {
  test.each([
    ["loopback by address", () => at("/article")],
    ["loopback by name", () => `http://localhost:${sitePort}/article`],
    ["loopback in decimal", () => `http://2130706433:${sitePort}/article`],
    ["loopback in hexadecimal", () => `http://0x7f.0.0.1:${sitePort}/article`],
    ["loopback in octal", () => `http://0177.0.0.1:${sitePort}/article`],
    ["loopback, shortened", () => `http://127.1:${sitePort}/article`],
    ["loopback as IPv4-mapped IPv6", () => `http://[::ffff:127.0.0.1]:${sitePort}/article`],
    ["IPv6 loopback", () => `http://[::1]:${sitePort}/article`],
    ["the unspecified address", () => `http://0.0.0.0:${sitePort}/article`],
    ["a private network", () => "http://10.0.0.1/article"],
    ["the cloud metadata service (link-local)", () => "http://169.254.169.254/latest/meta-data/"],
    ["an IPv6 unique-local address", () => "http://[fd00::1]/article"],
    ["an IPv6 link-local address", () => "http://[fe80::1]/article"],
    ["an IPv4-compatible IPv6 address", () => "http://[::7f00:1]/article"],
    ["NAT64 of a private address", () => "http://[64:ff9b::a00:1]/article"],
  ])("when the url points at %s, then 403 SOURCE_FETCH_BLOCKED and nothing is written", async (_name, target) => {
    const before = await draftCount(api.driver);
    const response = await postDraft(api.server.url, { url: target() });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ code: "SOURCE_FETCH_BLOCKED", details: { input: "url" } });
    expect(await draftCount(api.driver)).toBe(before);
  });

  test("when the url is not http or https, or carries credentials, then it is refused before any connection", async () => {
    for (const url of [
      "file:///etc/passwd",
      "gopher://example.org/",
      "ftp://example.org/a.txt",
      "http://user:pw@example.org/",
    ]) {
      const response = await postDraft(api.server.url, { url });
      expect(response.status, url).toBe(400);
      expect(response.body.error, url).toMatchObject({ code: "SOURCE_FETCH_BLOCKED", details: { input: "url" } });
    }
    const bad = await postDraft(api.server.url, { url: "not a url" });
    expect(bad.body.error).toMatchObject({ code: "SOURCE_FETCH_FAILED", details: { input: "url" } });
  });
});

describe("POST /api/sources/drafts with a url, where the operator allows 127.0.0.1", () => {
  test("when the url serves an article, then the draft holds its text, metadata and canonical url", async () => {
    const response = await postDraft(allowing.url, { url: at("/article") });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      format: "html",
      title: "Wang Yi and Lavrov meet on the sidelines of the G20",
      url: "https://gazette.example/world/wang-lavrov-rio",
    });
    expect(String(response.body.text)).toContain("Sergey Lavrov on the sidelines of the G20 summit");
  });

  test("when the url serves gzip, a PDF, plain text or a redirect to an article, then each is read", async () => {
    const gz = await postDraft(allowing.url, { url: at("/article.gz") });
    expect(gz.status).toBe(200);
    const pdf = await postDraft(allowing.url, { url: at("/report.pdf") });
    expect(pdf.body).toMatchObject({ format: "pdf", title: "Ministers meet in Beijing", url: at("/report.pdf") });
    const notes = await postDraft(allowing.url, { url: at("/notes") });
    expect(notes.body).toMatchObject({
      format: "text",
      text: "Plain notes about a meeting in Astana.\n\nSecond paragraph.",
      url: at("/notes"),
    });
    const moved = await postDraft(allowing.url, { url: at("/moved") });
    expect(moved.status).toBe(200);
    expect(moved.body.title).toBe("Wang Yi and Lavrov meet on the sidelines of the G20");
  });

  test("when a redirect leads to an address that is not allowed, then every hop is checked and it is refused", async () => {
    for (const target of [
      `http://127.0.0.2:${sitePort}/article`,
      `http://2130706434:${sitePort}/article`,
      `http://[::1]:${sitePort}/article`,
      "http://169.254.169.254/latest/meta-data/",
      "file:///etc/passwd",
    ]) {
      const response = await postDraft(allowing.url, { url: at(`/to/${encodeURIComponent(target)}`) });
      expect(response.body.error, target).toMatchObject({ code: "SOURCE_FETCH_BLOCKED" });
    }
  });

  test("when the url does not answer in time, or stops sending, then 422 SOURCE_FETCH_TIMEOUT and nothing is written", async () => {
    const before = await draftCount(api.driver);
    for (const path of ["/silent", "/trickle"]) {
      const response = await postDraft(allowing.url, { url: at(path) });
      expect(response.status, path).toBe(422);
      expect(response.body.error, path).toMatchObject({ code: "SOURCE_FETCH_TIMEOUT", details: { input: "url" } });
    }
    expect(await draftCount(api.driver)).toBe(before);
  });

  test("when the content is too large (also once decompressed), of another type, missing, or redirects forever, then each has its code and nothing is written", async () => {
    const before = await draftCount(api.driver);
    const expectations: Array<[string, number, string]> = [
      ["/huge", 413, "SOURCE_TOO_LARGE"],
      ["/bomb.gz", 413, "SOURCE_TOO_LARGE"],
      ["/image", 415, "SOURCE_UNSUPPORTED_TYPE"],
      ["/gone", 422, "SOURCE_FETCH_FAILED"],
      ["/loop", 422, "SOURCE_FETCH_FAILED"],
    ];
    for (const [path, status, code] of expectations) {
      const response = await postDraft(allowing.url, { url: at(path) });
      expect(response.status, path).toBe(status);
      expect(response.body.error, path).toMatchObject({ code, details: { input: "url" } });
    }
    expect(await draftCount(api.driver)).toBe(before);
  });
});

describe("POST /api/sources/drafts with a url, on an exposed server", () => {
  test("when fetching is not configured on, then 403 SOURCE_FETCH_DISABLED, even for an editor and an allowed address", async () => {
    const response = await rawRequest(exposed.url, {
      path: "/api/sources/drafts",
      headers: {
        host: "liaison.example.org",
        authorization: "Bearer editor-token-of-sixteen-chars",
        "x-liaison-write": "1",
      },
      body: { url: at("/article") },
    });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ error: { code: "SOURCE_FETCH_DISABLED", details: { input: "url" } } });
  });
});

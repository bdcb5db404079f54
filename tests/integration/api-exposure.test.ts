import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collectLogs } from "../support/log-lines.js";
import { rawRequest } from "../support/raw-http.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

const TOKEN = "a-token-of-more-than-sixteen-characters";
const HOST = "liaison.example.org";
const logs = collectLogs();
let api: SeededApi;

beforeAll(async () => {
  // As if bound to every address: the guards follow HOST, whatever address the test listens on.
  api = await seededApi(
    {
      HOST: "0.0.0.0",
      LIAISON_ACCESS_TOKEN: TOKEN,
      LIAISON_ALLOWED_HOSTS: `${HOST},10.1.2.3`,
      LIAISON_RATE_LIMIT: "40",
    },
    { logger: logs.logger },
  );
});
afterAll(async () => api.close());

const authorised = { host: HOST, authorization: `Bearer ${TOKEN}` };
const get = (path: string, headers: Record<string, string>, from?: string) =>
  rawRequest(api.server.url, { path, headers, ...(from ? { from } : {}) });

describe("a server exposed beyond loopback", () => {
  test("when a request names a Host the server does not answer to, then 403 HOST_NOT_ALLOWED for the API and the page alike", async () => {
    for (const host of ["evil.example", "localhost", "127.0.0.1", `${HOST}.evil.example`]) {
      for (const path of ["/api/health", "/", "/api/search?q=lavrov"]) {
        const response = await get(path, { ...authorised, host });
        expect(response.status, `${host} ${path}`).toBe(403);
        expect(response.json).toMatchObject({ error: { code: "HOST_NOT_ALLOWED" } });
      }
    }
  });

  test("when an allowed Host comes with a port or in capitals, then it is answered", async () => {
    expect((await get("/api/health", { ...authorised, host: `${HOST.toUpperCase()}:3000` })).status).toBe(200);
    expect((await get("/api/health", { ...authorised, host: "10.1.2.3" })).status).toBe(200);
  });

  test("when a request carries no token or a wrong one, then 401 UNAUTHORIZED and nothing is served", async () => {
    const attempts: Array<Record<string, string>> = [
      { host: HOST },
      { host: HOST, authorization: "Bearer wrong-token-of-sufficient-length" },
      { host: HOST, authorization: `Basic ${TOKEN}` },
      { host: HOST, cookie: "liaison_token=wrong" },
    ];
    for (const headers of attempts) {
      const page = await get("/", headers);
      expect(page.status).toBe(401);
      expect(page.text).not.toContain("<script");
      const search = await get("/api/search?q=lavrov", headers);
      expect(search.status).toBe(401);
      expect(search.json).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    }
  });

  test("when the page is opened with ?token=, then a strict HttpOnly cookie is set, the token leaves the address, and the cookie opens the API", async () => {
    const opened = await get(`/?token=${encodeURIComponent(TOKEN)}&focus=actor:wang-yi`, { host: HOST });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe("/?focus=actor%3Awang-yi");
    const cookie = String(opened.headers["set-cookie"]?.[0] ?? "");
    expect(cookie).toMatch(/^liaison_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const withCookie = await get("/api/search?q=lavrov", { host: HOST, cookie: cookie.split(";")[0] ?? "" });
    expect(withCookie.status).toBe(200);
    expect((await get(`/api/search?q=lavrov&token=${encodeURIComponent(TOKEN)}`, { host: HOST })).status).toBe(401);
  });

  test("when the console is not enabled on an exposed server, then POST /api/cypher answers 403 CONSOLE_DISABLED", async () => {
    const response = await rawRequest(api.server.url, {
      path: "/api/cypher",
      headers: authorised,
      body: { query: "RETURN 1 AS one" },
    });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ error: { code: "CONSOLE_DISABLED" } });
  });

  test("when one client passes the rate limit, then it gets 429 with Retry-After while another client is still served", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i += 1) statuses.push((await get("/api/schema", authorised, "127.0.0.7")).status);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(40);
    const limited = await get("/api/schema", authorised, "127.0.0.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json).toMatchObject({ error: { code: "RATE_LIMITED" } });
    expect((await get("/api/schema", authorised, "127.0.0.8")).status).toBe(200);
  });

  test("when requests are refused, then each leaves an audit line with client, route and verdict, and never the token", async () => {
    const audits = logs.audits();
    const verdicts = new Set(audits.map((line) => line.verdict));
    for (const code of ["HOST_NOT_ALLOWED", "UNAUTHORIZED", "CONSOLE_DISABLED", "RATE_LIMITED"])
      expect(verdicts).toContain(code);
    expect(audits.find((line) => line.verdict === "RATE_LIMITED")).toMatchObject({
      kind: "refused",
      client: "127.0.0.7",
      route: "GET /api/schema",
    });
    expect(JSON.stringify(logs.lines())).not.toContain(TOKEN);
  });
});

describe("request bodies", () => {
  test("when a body nests thousands of levels deep, then 400 names the body, without a stack overflow", async () => {
    const depth = 5_000;
    const params = `${'{"a":['.repeat(depth)}1${"]}".repeat(depth)}`;
    const response = await rawRequest(api.server.url, {
      path: "/api/cypher",
      headers: authorised,
      body: `{"query":"RETURN $a AS a","params":${params}}`,
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { code: "BAD_REQUEST", details: [{ parameter: "body" }] } });
  });
});

import { describe, expect, test } from "vitest";
import { start } from "../../server/main.js";
import { startServer } from "../support/app-process.js";
import { testConfig, testNeo4j } from "../support/neo4j.js";
import { openRawRequest, rawRequest } from "../support/raw-http.js";

const QUERY = JSON.stringify({ query: "RETURN 42 AS answer" });

/** A console request whose body is half sent: in flight on the server until the rest follows. */
function halfSentQuery(url: string) {
  const { req, response } = openRawRequest(url, {
    method: "POST",
    path: "/api/cypher",
    headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(QUERY)) },
  });
  req.write(QUERY.slice(0, 10));
  return { finish: () => req.end(QUERY.slice(10)), response };
}

describe("graceful shutdown", () => {
  test("when stop() is called with a request in flight, then new connections are refused and the request still completes", async () => {
    const app = await start(testConfig());
    const inFlight = halfSentQuery(app.url);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the server accept it
    const stopped = app.stop(10_000);
    await expect(rawRequest(app.url, { path: "/api/health" })).rejects.toThrow(/ECONNREFUSED/);
    inFlight.finish();
    const answer = await inFlight.response;
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ rows: [[42]] });
    await stopped;
  });

  test("when a request outlasts the grace period, then its connection is cut and stop() still resolves", async () => {
    const app = await start(testConfig());
    const inFlight = halfSentQuery(app.url);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const cut = expect(inFlight.response).rejects.toThrow(/socket hang up|ECONNRESET/);
    await app.stop(300);
    await cut;
  });

  test("when the server gets SIGTERM with a request in flight, then the request completes and the process exits 0", async () => {
    const neo4j = testNeo4j();
    const server = await startServer({
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      LIAISON_SEED_DATASET: "none",
    });
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
    const url = server.url;
    const inFlight = halfSentQuery(url);
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    inFlight.finish();
    expect((await inFlight.response).status).toBe(200);
    expect(await exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM, finishing requests in flight/);
  });
});

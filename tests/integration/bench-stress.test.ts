import { afterEach, describe, expect, test } from "vitest";
import { main as benchLoad } from "../../bench/stress.js";
import { testNeo4j } from "../support/neo4j.js";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("npm run bench:load", () => {
  test("when run briefly with a few clients, then every endpoint of the mix is exercised without errors and the figures are reported", async () => {
    const neo4j = testNeo4j();
    Object.assign(process.env, { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password });
    const result = await benchLoad(["--clients", "4", "--seconds", "3"]);
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThan(0);
    expect(result.serverPeakRssMb).toBeGreaterThan(0);
    expect(result.endpoints.map((row) => row.endpoint)).toContain("console");
  }, 120_000);
});

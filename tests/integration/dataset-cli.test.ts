import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { main } from "../../server/cli/load.js";
import { resetGraph, testDriver, testNeo4j } from "../support/neo4j.js";

const fixture = (name: string) => path.resolve(import.meta.dirname, "../fixtures/datasets", name);

let driver: Driver;
let output: { out: string; err: string };
const saved = { ...process.env };

async function nodeCount(): Promise<number> {
  const session = driver.session({ database: testNeo4j().database });
  try {
    return (await session.run("MATCH (n) RETURN count(n) AS n")).records[0]?.get("n").toNumber();
  } finally {
    await session.close();
  }
}

beforeEach(async () => {
  driver ??= testDriver();
  await resetGraph(driver);
  const neo4j = testNeo4j();
  Object.assign(process.env, { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password });
  if (neo4j.database) process.env.NEO4J_DATABASE = neo4j.database;
  output = { out: "", err: "" };
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    output.out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    output.err += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

afterAll(async () => {
  await driver?.close();
});

describe("npm run load -- <folder>", () => {
  test("when the dataset is valid, then it is loaded, the counts are printed and the exit code is 0", async () => {
    expect(await main([fixture("valid")])).toBe(0);
    expect(output.out).toMatch(/Loaded dataset:fixture-minimal/);
    expect(output.out).toMatch(/5 Actor/);
    expect(await nodeCount()).toBeGreaterThan(0);
  }, 90_000); // the first load into a fresh Neo4j compiles every query: slow on a busy machine

  test("when the dataset is broken, then every problem is printed as file:line path field and nothing is written", async () => {
    expect(await main([fixture("several-problems")])).toBe(1);
    expect(output.err).toMatch(/actors\.yaml:\d+ actors\[4\]\.nickname nickname: /);
    expect(output.err).toMatch(/events\.yaml:\d+ events\[1\]\.participants\[1\]\.actor actor: /);
    expect(output.err).toMatch(/claims\.yaml:\d+ claims\[3\]\.evidence\[0\]\.exact exact: /);
    expect(await nodeCount()).toBe(0);
  });

  test("when --check is given, then the dataset is only validated", async () => {
    expect(await main([fixture("valid"), "--check"])).toBe(0);
    expect(output.out).toMatch(/is valid/);
    expect(await nodeCount()).toBe(0);
  });

  test("when --stream is given, then the dataset is checked and loaded by streaming, with progress", async () => {
    expect(await main([fixture("valid"), "--stream", "--check"])).toBe(0);
    expect(output.out).toMatch(/is valid: \d+ records \(checked by streaming\)/);
    expect(await nodeCount()).toBe(0);
    expect(await main([fixture("several-problems"), "--stream"])).toBe(1);
    expect(output.err).toMatch(/actors\.yaml:\d+ actors\[4\]\.nickname nickname: /);
    expect(await nodeCount()).toBe(0);
    expect(await main([fixture("valid"), "--stream"])).toBe(0);
    expect(output.out).toMatch(/Loaded dataset:fixture-minimal/);
    expect(output.out).toMatch(/5 Actor/);
  }, 90_000);

  test("when a dataset builds on another, then --check says its references are checked at load, and --stream is refused", async () => {
    expect(await main([fixture("builds-on-seed"), "--check"])).toBe(0);
    expect(output.out).toMatch(
      /builds on moscow-beijing-2025: its \d+ reference\(s\) to their records are checked in the graph at load/,
    );
    expect(await main([fixture("builds-on-seed"), "--stream"])).toBe(2);
    expect(output.err).toMatch(/builds on other datasets/);
  }, 60_000);

  test("when a dataset builds on one that is not loaded, then each problem is printed with file:line and nothing is written", async () => {
    expect(await main([fixture("builds-on-seed")])).toBe(1);
    expect(output.err).toMatch(
      /manifest\.yaml:7 requires\[0\] requires: the required dataset "moscow-beijing-2025" is not loaded/,
    );
    expect(output.err).toMatch(
      /events\.yaml:8 events\[0\]\.participants\[0\]\.actor actor: no record has the id "actor:wang-yi"/,
    );
    expect(await nodeCount()).toBe(0);
  }, 90_000);

  test("when no folder is given, then the usage is printed and the exit code is 2", async () => {
    expect(await main([])).toBe(2);
    expect(output.err).toMatch(/usage: npm run load/);
  });
});

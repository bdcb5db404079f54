import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { main } from "../../server/cli/synth.js";
import { loadDataset } from "../../server/dataset/load.js";
import type { Actor, Claim, Event } from "../../server/dataset/schema.js";
import { validateDataset } from "../../server/dataset/validate.js";
import { type GenerateResult, generate } from "../../server/synth/generate.js";
import { resetGraph, testDriver, testRunner } from "../support/neo4j.js";

let scratch: string;
let tiny: string;
let result: GenerateResult;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "liaison-synth-"));
  tiny = path.join(scratch, "tiny-7");
  result = await generate({ size: "tiny", seed: 7, out: tiny });
});
afterAll(async () => rm(scratch, { recursive: true, force: true }));

/** Every file of a dataset folder with the sha256 of its bytes. */
async function fingerprint(folder: string): Promise<Record<string, string>> {
  const files = await readdir(folder, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const file of files.filter((f) => f.isFile())) {
    const full = path.join(file.parentPath, file.name);
    out[path.relative(folder, full)] = createHash("sha256")
      .update(await readFile(full))
      .digest("hex");
  }
  return out;
}

const read = async <T>(file: string, key: string) => parse(await readFile(path.join(tiny, file), "utf8"))[key] as T[];

describe("npm run synth", () => {
  test("when the same size and seed are generated twice, then every file has the same bytes; another seed differs", async () => {
    const again = path.join(scratch, "tiny-7-again");
    await generate({ size: "tiny", seed: 7, out: again });
    const first = await fingerprint(tiny);
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(await fingerprint(again)).toEqual(first);
    const other = path.join(scratch, "tiny-8");
    await generate({ size: "tiny", seed: 8, out: other });
    expect((await fingerprint(other))["events.yaml"]).not.toBe(first["events.yaml"]);
  });

  test("when a tiny dataset is generated, then the project's validator finds no problem in it", async () => {
    const validation = await validateDataset(tiny);
    expect(validation.problems).toEqual([]);
    expect(validation.ok).toBe(true);
  });

  test("when a tiny dataset is generated, then it is shaped like the seed's model", async () => {
    const events = await read<Event>("events.yaml", "events");
    const actors = await read<Actor>("actors.yaml", "actors");
    const claims = await read<Claim>("claims.yaml", "claims");
    // Meetings of 2–12 participants, many at forums.
    for (const event of events) expect(event.participants.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...events.map((event) => event.participants.length))).toBe(12);
    expect(events.filter((event) => (event.forums ?? []).length > 0).length).toBeGreaterThan(events.length / 4);
    // Power-law participation: the busiest actor is in many times the events of the typical one.
    const degree = new Map<string, number>();
    for (const event of events) for (const p of event.participants) degree.set(p.actor, (degree.get(p.actor) ?? 0) + 1);
    const degrees = [...degree.values()].sort((a, b) => b - a);
    expect(degrees[0]).toBeGreaterThan(10 * (degrees[Math.floor(degrees.length / 2)] ?? 1));
    // Dates over 25 years.
    const years = events.map((event) => Number((event.date?.on ?? event.date?.from ?? "").slice(0, 4)));
    expect(Math.min(...years)).toBeLessThanOrEqual(2001);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2023);
    // Actors of every kind; forums with members; people with roles.
    expect(new Set(actors.map((actor) => actor.kind))).toEqual(
      new Set(["person", "state", "organisation", "agency", "company", "military", "group", "region"]),
    );
    expect(actors.some((actor) => (actor.memberOf ?? []).length > 0)).toBe(true);
    expect(actors.some((actor) => (actor.roles ?? []).length > 0)).toBe(true);
    // Claims with 1–3 passages, of every kind.
    for (const claim of claims) expect(claim.evidence.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...claims.map((claim) => claim.evidence.length))).toBe(3);
    expect(new Set(claims.map((claim) => claim.kind)).size).toBe(6);
  });

  test("when a tiny dataset is loaded, then the graph holds exactly the nodes and relationships the generator counted", async () => {
    const driver: Driver = testDriver();
    try {
      await resetGraph(driver);
      const loaded = await loadDataset(testRunner(driver), tiny, { timeoutMs: 120_000 });
      const nonZero = (counts: Record<string, number>) =>
        Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
      expect(nonZero(loaded.nodes)).toEqual(result.counts.nodes);
      expect(nonZero(loaded.relationships)).toEqual(result.counts.relationships);
      expect(result.counts.totalNodes).toBeGreaterThan(1_000);
      expect(result.counts.totalNodes).toBeLessThan(3_000);
    } finally {
      await driver.close();
    }
  }, 300_000);

  test("when the command is run, then it writes the dataset; a bad size or a folder in use is refused with usage", async () => {
    const out = path.join(scratch, "cli");
    expect(await main(["--size", "tiny", "--seed", "3", "--out", out])).toBe(0);
    expect((await validateDataset(out)).ok).toBe(true);
    expect(await main(["--size", "tiny", "--seed", "3", "--out", out])).toBe(2);
    expect(await main(["--size", "tiny", "--seed", "3", "--out", out, "--force"])).toBe(0);
    expect(await main(["--size", "huge", "--out", path.join(scratch, "x")])).toBe(2);
    expect(await main(["--size", "tiny"])).toBe(2);
    process.exitCode = 0;
  });
});

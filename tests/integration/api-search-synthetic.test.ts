import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import type { NodeResponse, SearchHit, SearchResponse } from "../../common/api-types.js";
import type { Actor, Event, Forum } from "../../server/dataset/schema.js";
import { coverage, parseQuery } from "../../server/domain/lucene.js";
import { generate } from "../../server/synth/generate.js";
import type { TestServer } from "../support/http.js";
import { seededApi } from "./api-fixture.js";

// A generated graph of about 2,500 nodes in which hundreds of events, claims and passages repeat
// the names of a few hub actors, and hundreds of people share first names and surnames.
let folder: string;
let server: TestServer;
let close: () => Promise<void>;
let actors: Actor[];
let forums: Forum[];
let events: Event[];

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "liaison-search-synth-"));
  await generate({ size: "tiny", seed: 11, out: folder });
  const read = async <T>(file: string, key: string) =>
    parse(await readFile(path.join(folder, file), "utf8"))[key] as T[];
  [actors, forums, events] = await Promise.all([
    read<Actor>("actors.yaml", "actors"),
    read<Forum>("forums.yaml", "forums"),
    read<Event>("events.yaml", "events"),
  ]);
  const api = await seededApi({}, { dataset: folder });
  server = api.server;
  close = api.close;
}, 300_000);
afterAll(async () => {
  await close?.();
  await rm(folder, { recursive: true, force: true });
});

async function search(q: string, limit = 20): Promise<SearchHit[]> {
  const { status, body } = await server.get(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`);
  expect(status, q).toBe(200);
  return (body as SearchResponse).hits;
}

/** The actors by how many events they take part in, busiest first. */
function byDegree(): { actor: Actor; events: number }[] {
  const degree = new Map<string, number>();
  for (const event of events) for (const p of event.participants) degree.set(p.actor, (degree.get(p.actor) ?? 0) + 1);
  return actors
    .map((actor) => ({ actor, events: degree.get(actor.id) ?? 0 }))
    .sort((a, b) => b.events - a.events || a.actor.id.localeCompare(b.actor.id));
}

describe("GET /api/search on a generated graph whose names share words", () => {
  test("when any actor's or forum's exact name or alias is typed, then that node comes first", async () => {
    // Read as YAML, without the schema's defaults: a node without aliases has none listed.
    const cases = [...actors, ...forums].flatMap((node) =>
      [node.name, ...(node.aliases ?? [])].map((typed) => ({ typed, id: node.id })),
    );
    expect(cases.length).toBeGreaterThan(300);
    for (let at = 0; at < cases.length; at += 8) {
      const batch = cases.slice(at, at + 8);
      const firsts = await Promise.all(batch.map(async ({ typed }) => (await search(typed, 5))[0]?.id));
      expect(firsts, batch.map(({ typed }) => typed).join(" | ")).toEqual(batch.map(({ id }) => id));
    }
  }, 180_000);

  test("when a hub's name is typed, then the hub comes first although hundreds of passages repeat it", async () => {
    const [hub] = byDegree();
    if (!hub) throw new Error("no actor");
    expect(hub.events).toBeGreaterThan(40);
    const hits = await search(hub.actor.name, 50);
    expect(hits[0]?.id).toBe(hub.actor.id);
    expect(hits.filter((hit) => hit.type === "Passage").length).toBeGreaterThan(20);
  });

  test("when the first letters of a name are typed, then actors come before the events and texts that name them, busiest first", async () => {
    const [hub] = byDegree();
    const surname = hub?.actor.name.split(" ").at(-1) ?? "";
    const hits = await search(surname.slice(0, 4));
    expect(hits[0]?.id).toBe(hub?.actor.id);
    const types = hits.map((hit) => hit.type);
    expect(types.lastIndexOf("Actor")).toBeLessThan(Math.max(types.indexOf("Event"), types.indexOf("Passage")));
  });

  test("when only some words of a query match, then hits come back ordered by how much of it they cover", async () => {
    const [first, second] = byDegree();
    const forum = forums[0] as Forum;
    for (const q of [
      `${first?.actor.name} and ${second?.actor.name}`,
      `${first?.actor.name.split(" ").at(-1)} ${forum.name.split(" ")[1]} qqzzyx`,
      `the ${second?.actor.name.split(" ")[0]} of ${forum.name}`,
    ]) {
      const query = parseQuery(q);
      if (!query) throw new Error(q);
      const hits = await search(q, 30);
      expect(hits.length, q).toBeGreaterThan(5);
      const covered: number[] = [];
      for (const hit of hits) {
        const { body } = await server.get(`/api/nodes/${encodeURIComponent(hit.id)}`);
        const node = (body as NodeResponse).node as Record<string, unknown>;
        const texts = ["name", "title", "text", "exact"]
          .map((key) => node[key])
          .concat(node.aliases ?? [])
          .flat()
          .filter((value): value is string => typeof value === "string");
        const kind = hit.type === "Claim" || hit.type === "Passage" ? "text" : "names";
        const { covered: n, of } = coverage(query, hit.type === "Claim" ? [String(node.text)] : texts, kind);
        covered.push(n / of);
      }
      expect(covered, q).toEqual([...covered].sort((a, b) => b - a));
      expect(covered[0], q).toBeGreaterThan(0.5);
    }
  });

  test("when a query is stop words and punctuation around a name, then the name is still found", async () => {
    const forum = forums.find((f) => (f.aliases ?? []).length > 0) as Forum;
    expect((await search(`the ${forum.aliases?.[0]}!`))[0]?.id).toBe(forum.id);
    expect((await search(`"${forum.name}"?`))[0]?.id).toBe(forum.id);
  });
});

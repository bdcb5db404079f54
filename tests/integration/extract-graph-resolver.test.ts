import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../server/dataset/load.js";
import { datasetResolver, emptyResolver, extract, graphResolver } from "../../server/extract/index.js";
import type { Extraction, Proposal } from "../../server/extract/types.js";
import { fromRoot } from "../../server/lib/project-root.js";
import type { QueryRunner } from "../../server/neo4j/query-runner.js";
import { resetGraph, testDriver, testRunner } from "../support/neo4j.js";

let driver: Driver;
let runner: QueryRunner;
beforeAll(async () => {
  driver = testDriver();
  runner = testRunner(driver);
  await resetGraph(driver);
  await loadDataset(runner, fromRoot("data", "seed"), { timeoutMs: 240_000 });
});
afterAll(async () => driver.close());

const named = (x: Extraction, text: string) =>
  x.proposals.find((p) => p.text === text && (p.kind === "actor" || p.kind === "forum" || p.kind === "place"));

describe("graphResolver against the seed graph", () => {
  test("when a new article names known people with titles, aliases, initials and other spellings, then each resolves to its node", async () => {
    const text =
      "Chinese Foreign Minister Wang Yi met Sergei Lavrov in Astana. Later, V. Putin spoke by phone with Xí Jinping, and the SCO and the U.S. Treasury issued statements.";
    const x = await extract({ text, publishedAt: "2025-06-01" }, graphResolver(runner));
    expect(named(x, "Wang Yi")?.entity).toBe("actor:wang-yi");
    expect(named(x, "Sergei Lavrov")?.entity).toBe("actor:sergey-lavrov");
    expect(named(x, "V. Putin")?.entity).toBe("actor:vladimir-putin");
    expect(named(x, "Xí Jinping")?.entity).toBe("actor:xi-jinping");
    expect(named(x, "SCO")?.entity).toBe("forum:sco");
    expect(named(x, "U.S. Treasury")?.entity).toBe("actor:us-treasury");
  });

  test("when a name carries a middle initial, accents or another romanisation, then the graph's lookup still finds it", async () => {
    const x = await extract(
      {
        text: "Vladimir V. Putin thanked Sergéy Shoygú, Andriy Belousov and Sergeiy Lavrov. V.V. Putin and Vladimir Vladimirovich Putin are one.",
      },
      graphResolver(runner),
    );
    // "Andriy": two edits from "Andrei", one from its spelling variant "andri".
    expect(named(x, "Andriy Belousov")?.entity).toBe("actor:andrei-belousov");
    expect(named(x, "Vladimir V. Putin")?.entity).toBe("actor:vladimir-putin");
    expect(named(x, "V.V. Putin")?.entity).toBe("actor:vladimir-putin");
    expect(named(x, "Vladimir Vladimirovich Putin")?.entity).toBe("actor:vladimir-putin");
    expect(named(x, "Sergéy Shoygú")?.entity).toBe("actor:sergei-shoigu");
    expect(named(x, "Sergeiy Lavrov")?.entity).toBe("actor:sergey-lavrov");
  });

  test("when people are named by their office alone, then the graph's roles of that state resolve them", async () => {
    const x = await extract(
      { text: "The Russian president met the Chinese foreign minister in Moscow.", publishedAt: "2025-05-09" },
      graphResolver(runner),
    );
    expect(named(x, "Russian president")?.entity).toBe("actor:vladimir-putin");
    expect(named(x, "Chinese foreign minister")?.entity).toBe("actor:wang-yi");
  });

  test("when a name is unknown to the graph, then it is proposed as new (entity null)", async () => {
    const x = await extract(
      { text: "Kazakh Foreign Minister Murat Nurtleu met Wang Yi in Astana." },
      graphResolver(runner),
    );
    expect(named(x, "Murat Nurtleu")?.entity).toBeNull();
    expect(named(x, "Wang Yi")?.entity).toBe("actor:wang-yi");
  });

  test("when the seed article is extracted, then the graph resolver links the same names as the in-memory resolver of the dataset", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(
      fromRoot("data", "seed", "sources", "moscow-beijing-no-limits-partnership.txt"),
      "utf8",
    );
    const links = (x: Extraction) =>
      x.proposals
        .filter((p): p is Proposal => p.kind === "actor" || p.kind === "forum" || p.kind === "place")
        .map((p) => `${p.start}:${p.entity}`);
    const fromGraph = await extract({ text, publishedAt: "2025-05-09" }, graphResolver(runner));
    const fromMemory = await extract(
      { text, publishedAt: "2025-05-09" },
      await datasetResolver(fromRoot("data", "seed")),
    );
    expect(links(fromGraph)).toEqual(links(fromMemory));
    const cold = await extract({ text, publishedAt: "2025-05-09" }, emptyResolver);
    expect(cold.proposals.every((p) => p.entity === null)).toBe(true);
  });

  test("when a mention holds Lucene syntax, then it is looked up as plain words", async () => {
    const resolver = graphResolver(runner);
    const found = await resolver.resolve([{ text: 'Wang* "Yi" (OR) AND:', kind: "actor" }]);
    expect(found.get('Wang* "Yi" (OR) AND:')?.[0]?.entity).toBe("actor:wang-yi");
  });
});

// tests/fixtures/sources/putin-xi-beijing-2024.txt is a short article written by the team for this
// test (not a real source): a second report of the seed's May 2024 state visit, and a meeting of
// the same pair in another year.
describe("graphResolver: a meeting the graph already holds, reported by a second source", () => {
  test("when a second article reports the seed's Putin–Xi meeting of May 2024, then its meeting proposal's entity is that event; their meeting of another year is not", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(fromRoot("tests", "fixtures", "sources", "putin-xi-beijing-2024.txt"), "utf8");
    const x = await extract({ text, publishedAt: "2024-05-20" }, graphResolver(runner));
    const meetings = x.proposals.filter((p) => p.kind === "meeting");
    const may = meetings.find((p) => p.text.includes("met Chinese President Xi Jinping"));
    expect(may?.entity).toBe("event:putin-state-visit-beijing-2024");
    const march = meetings.find((p) => p.text.startsWith("Xi Jinping met Vladimir Putin"));
    expect(march).toBeDefined();
    expect(march?.entity).not.toBe("event:putin-state-visit-beijing-2024");
    expect(march?.alternatives.map((a) => a.entity)).not.toContain("event:putin-state-visit-beijing-2024");
  });

  test("when the same pair's meeting has no date, then the pair's events are at most low-scored alternatives", async () => {
    const x = await extract(
      { text: "Vladimir Putin met Xi Jinping in Beijing.", publishedAt: "2024-06-01" },
      graphResolver(runner),
    );
    const meeting = x.proposals.find((p) => p.kind === "meeting");
    expect(meeting?.entity).toBeNull();
    expect(meeting?.alternatives.map((a) => a.entity)).toEqual(["event:putin-state-visit-beijing-2024"]);
    expect(meeting?.alternatives.every((a) => a.score < 0.75)).toBe(true);
  });

  test.each([
    ["tests/fixtures/sources/putin-xi-beijing-2024.txt", "2024-05-20"],
    ["data/seed/sources/moscow-beijing-no-limits-partnership.txt", "2025-05-09"],
  ])(
    "when the graph and the dataset in memory resolve the meetings of %s, then they agree",
    async (file, publishedAt) => {
      const { readFile } = await import("node:fs/promises");
      const text = await readFile(fromRoot(...file.split("/")), "utf8");
      const links = (x: Extraction) =>
        x.proposals.flatMap((p) =>
          p.kind === "meeting" ? [[p.text, p.entity, p.alternatives.map((a) => [a.entity, a.score])]] : [],
        );
      const fromGraph = await extract({ text, publishedAt }, graphResolver(runner));
      const fromMemory = await extract({ text, publishedAt }, await datasetResolver(fromRoot("data", "seed")));
      expect(links(fromGraph)).toEqual(links(fromMemory));
      expect(links(fromGraph).some(([, entity]) => entity !== null)).toBe(true);
    },
  );
});

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

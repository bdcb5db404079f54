import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { type GraphCheck, graphProblems } from "../../server/dataset/external.js";
import { buildsOnOthers, willStream } from "../../server/dataset/load.js";
import { resolveDataset } from "../../server/dataset/resolve.js";
import { validateDataset } from "../../server/dataset/validate.js";
import type { Exec } from "../../server/domain/projections.js";

const fixture = (name: string) => path.resolve(import.meta.dirname, "../fixtures/datasets", name);
const temps: string[] = [];

afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A copy of builds-on-seed with some files replaced or removed (null). */
async function variant(files: Record<string, string | null>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "liaison-builds-on-"));
  temps.push(dir);
  await cp(fixture("builds-on-seed"), dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    if (text === null) await rm(path.join(dir, file));
    else await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const manifestOf = async (edit: (text: string) => string) =>
  edit(await readFile(path.join(fixture("builds-on-seed"), "manifest.yaml"), "utf8"));

async function problemsOf(dir: string) {
  const result = await validateDataset(dir);
  return result.problems.map(({ code, file, line, path: at }) => ({ code, file, line, path: at }));
}

describe("validateDataset of a dataset that builds on others", () => {
  test("when it requires a dataset, then ids it does not define are kept with file:line for the load's check", async () => {
    const result = await validateDataset(fixture("builds-on-seed"));
    expect(result.problems).toEqual([]);
    if (!result.ok) throw new Error("expected a valid dataset");
    const check = result.dataset.graphCheck;
    expect(check?.requires.map((r) => [r.id, r.file, r.line])).toEqual([["moscow-beijing-2025", "manifest.yaml", 7]]);
    expect(check?.external).toContainEqual({
      id: "actor:sergey-lavrov",
      file: "events.yaml",
      line: 9,
      path: "events[0].participants[1].actor",
      field: "actor",
    });
    expect(check?.external).toContainEqual(
      expect.objectContaining({ id: "event:wang-yi-lavrov-meetings", file: "evidence.yaml", path: "evidence[0].of" }),
    );
    // What it defines is checked too: it must not redefine another dataset's record.
    expect(check?.own.map((o) => o.id)).toEqual(
      expect.arrayContaining(["source:lavrov-wang-talks-in-minsk", "actor:belarus", "claim:minsk-talks-ukraine-trade"]),
    );
    expect(result.dataset.evidence.map((e) => e.of)).toEqual(["event:wang-yi-lavrov-meetings", "actor:wang-yi"]);
  });

  test("when the same files have no requires, then each id they do not define is a dangling reference", async () => {
    const dir = await variant({ "manifest.yaml": await manifestOf((t) => t.replace(/^requires:.*\n/m, "")) });
    const problems = await problemsOf(dir);
    expect(problems.every((p) => p.code === "DANGLING_REFERENCE")).toBe(true);
    expect(problems).toContainEqual({
      code: "DANGLING_REFERENCE",
      file: "events.yaml",
      line: 8,
      path: "events[0].participants[0].actor",
    });
    expect(problems).toContainEqual({
      code: "DANGLING_REFERENCE",
      file: "evidence.yaml",
      line: 3,
      path: "evidence[0].of",
    });
  });

  test("when evidence.yaml quotes what is not in the source, or another dataset's source, then each is a problem at its line", async () => {
    const dir = await variant({
      "evidence.yaml": [
        "evidence:",
        "  - of: event:wang-yi-lavrov-meetings",
        "    source: source:lavrov-wang-talks-in-minsk",
        "    exact: met in Vladivostok",
        "  - of: actor:wang-yi",
        "    source: source:moscow-beijing-no-limits-partnership",
        "    exact: Wang Yi",
        "  - of: actor:wang-yi",
        "    source: source:lavrov-wang-talks-in-minsk",
        "    exact: Minsk",
        "  - of: actor:wang-yi",
        "    source: source:lavrov-wang-talks-in-minsk",
        "    exact: Chinese Foreign Minister Wang Yi",
        "    speaker: nobody",
        "",
      ].join("\n"),
    });
    expect(await problemsOf(dir)).toEqual([
      { code: "EVIDENCE_NOT_FOUND", file: "evidence.yaml", line: 4, path: "evidence[0].exact" },
      { code: "DANGLING_REFERENCE", file: "evidence.yaml", line: 6, path: "evidence[1].source" },
      { code: "EVIDENCE_AMBIGUOUS", file: "evidence.yaml", line: 10, path: "evidence[2].exact" },
      { code: "UNKNOWN_FIELD", file: "evidence.yaml", line: 14, path: "evidence[3].speaker" },
    ]);
  });

  test("when a dataset requires itself, then it is a self-reference in the manifest", async () => {
    const dir = await variant({
      "manifest.yaml": await manifestOf((t) =>
        t.replace("requires: [moscow-beijing-2025]", "requires: [moscow-beijing-2025, fixture-builds-on-seed]"),
      ),
    });
    expect(await problemsOf(dir)).toEqual([
      { code: "SELF_REFERENCE", file: "manifest.yaml", line: 7, path: "requires" },
    ]);
  });

  test("when evidence.yaml is absent, then the dataset is still valid (it is optional)", async () => {
    const dir = await variant({ "evidence.yaml": null });
    expect(await problemsOf(dir)).toEqual([]);
  });
});

describe("resolveDataset of a dataset that builds on others", () => {
  test("when it refers to the seed's records, then it writes relationships to them and never their nodes", async () => {
    const result = await validateDataset(fixture("builds-on-seed"));
    if (!result.ok) throw new Error("expected a valid dataset");
    const rows = resolveDataset(result.dataset);
    expect(rows.nodes.Actor.map((n) => n.id).sort()).toEqual(["actor:belarus", "actor:maxim-ryzhenkov"]);
    expect(rows.nodes.Event.map((n) => n.id)).toEqual(["event:wang-yi-lavrov-minsk-2025-03"]);
    const evidenced = rows.relationships.EVIDENCED_BY.filter((r) => r.from === "event:wang-yi-lavrov-meetings");
    expect(evidenced).toHaveLength(1);
    expect(evidenced[0]?.to).toMatch(/^passage:lavrov-wang-talks-in-minsk:\d+-\d+$/);
    expect(evidenced[0]?.props.note).toMatch(/counted again/);
    expect(rows.relationships.PARTICIPATED_IN.map((r) => r.from).sort()).toEqual([
      "actor:sergey-lavrov",
      "actor:wang-yi",
    ]);
    expect(rows.check).toBe(result.dataset.graphCheck);
  });
});

describe("graphProblems", () => {
  const at = (id: string, file: string, line: number, where: string) => ({
    id,
    file,
    line,
    path: where,
    field: where.split(".").at(-1) ?? null,
  });
  const check: GraphCheck = {
    requires: [at("seed", "manifest.yaml", 6, "requires[0]"), at("later", "manifest.yaml", 6, "requires[1]")],
    external: [
      at("actor:known", "events.yaml", 9, "events[0].participants[0].actor"),
      at("actor:missing", "events.yaml", 10, "events[0].participants[1].actor"),
      at("actor:elsewhere", "claims.yaml", 4, "claims[0].about[0]"),
    ],
    own: [at("actor:new", "actors.yaml", 2, "actors[0].id"), at("actor:taken", "actors.yaml", 9, "actors[1].id")],
  };
  /** The graph as dataset/graph-ids answers: the seed loaded, some nodes. */
  const exec = (async () => [
    { id: "dataset:seed", label: "Dataset", datasets: [] },
    { id: "actor:known", label: "Actor", datasets: ["dataset:seed"] },
    { id: "actor:elsewhere", label: "Actor", datasets: ["dataset:other"] },
    { id: "actor:taken", label: "Actor", datasets: ["dataset:seed"] },
    { id: "actor:new", label: "Actor", datasets: ["dataset:this"] },
  ]) as unknown as Exec;

  test("when the graph lacks a required dataset or an id, or holds it in another dataset, then each is a problem where it is named", async () => {
    const problems = await graphProblems(exec, "dataset:this", check);
    expect(problems.map(({ code, file, line, path: where }) => ({ code, file, line, path: where }))).toEqual([
      { code: "REQUIRED_DATASET_MISSING", file: "manifest.yaml", line: 6, path: "requires[1]" },
      { code: "DUPLICATE_ID", file: "actors.yaml", line: 9, path: "actors[1].id" },
      { code: "DANGLING_REFERENCE", file: "events.yaml", line: 10, path: "events[0].participants[1].actor" },
      { code: "DANGLING_REFERENCE", file: "claims.yaml", line: 4, path: "claims[0].about[0]" },
    ]);
  });
});

describe("loadDataset paths", () => {
  test("when a dataset builds on others, then auto never streams it", async () => {
    expect(await buildsOnOthers(fixture("builds-on-seed"))).toBe(true);
    expect(await buildsOnOthers(fixture("valid"))).toBe(false);
    expect(await willStream(fixture("builds-on-seed"), { streamAboveBytes: 0 })).toBe(false);
    expect(await willStream(fixture("valid"), { streamAboveBytes: 0 })).toBe(true);
  });
});

import { closeSync, openSync, readdirSync, writeSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Neo4jError } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { DatasetLoadError, loadFailure, settingBytes, streamCheck } from "../../server/dataset/stream-load.js";
import { validateDataset } from "../../server/dataset/validate.js";
import { type StreamedOutside, streamYamlList } from "../../server/dataset/yaml-stream.js";
import { generate } from "../../server/synth/generate.js";

let dir: string;
let tiny: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-stream-"));
  tiny = path.join(dir, "tiny");
  await generate({ size: "tiny", seed: 3, out: tiny });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function items(file: string, key: string) {
  const outside: StreamedOutside[] = [];
  const out = [];
  for await (const item of streamYamlList(file, key, (problem) => outside.push(problem))) out.push(item);
  return { items: out, outside };
}

describe("streamYamlList", () => {
  test("when a generated list file is streamed, then its items equal the whole-file parse, in order", async () => {
    for (const key of ["actors", "forums", "events", "claims"]) {
      const file = path.join(tiny, `${key}.yaml`);
      const whole = parse(await readFile(file, "utf8"))[key] as unknown[];
      const streamed = await items(file, key);
      expect(streamed.outside).toEqual([]);
      expect(streamed.items.map((item) => item.raw)).toEqual(whole);
    }
  });

  test("when items are hand-written YAML, then each is parsed with its own line numbers", async () => {
    const file = path.join(dir, "hand.yaml");
    await writeFile(
      file,
      [
        "# a comment",
        "events:",
        "  - id: event:a",
        "    name: A plain name",
        "    evidence:",
        "      - source: source:x",
        "        exact: |",
        "          a block scalar",
        "",
        "  - id: event:b",
        "    kind: meeting",
        "    name: 'quoted'",
      ].join("\n"),
    );
    const { items: list, outside } = await items(file, "events");
    expect(outside).toEqual([]);
    expect(list.map((item) => [item.index, item.line])).toEqual([
      [0, 3],
      [1, 10],
    ]);
    expect(list[0]?.raw).toMatchObject({ name: "A plain name", evidence: [{ exact: "a block scalar\n" }] });
    expect(list[0]?.lineOf(["evidence", 0, "exact"])).toBe(7);
    expect(list[1]?.lineOf(["kind"])).toBe(11);
  });

  test("when an item does not parse or the file has another top-level key, then each is reported with its line", async () => {
    const file = path.join(dir, "broken.yaml");
    await writeFile(
      file,
      ["claims:", '  - id: "claim:a"', "    text: [unclosed", '  - id: "claim:b"', "other: 1"].join("\n"),
    );
    const { items: list, outside } = await items(file, "claims");
    expect(list[0]?.errors.length).toBeGreaterThan(0);
    expect(list[0]?.errors[0]?.line).toBeGreaterThanOrEqual(2);
    expect(list[1]?.raw).toEqual({ id: "claim:b" });
    expect(outside).toEqual([expect.objectContaining({ line: 5, kind: "UNKNOWN_FIELD", key: "other" })]);
  });

  test("when a list file is many times larger than what is kept, then memory retained while streaming stays bounded", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const file = path.join(dir, "big.yaml");
    const fd = openSync(file, "w");
    writeSync(fd, "events:\n");
    const padding = "x".repeat(300);
    let chunk = "";
    for (let i = 0; i < 150_000; i++) {
      chunk += `  - id: "event:e-${i}"\n    name: "Event ${i} ${padding}"\n    kind: "meeting"\n`;
      if (i % 5_000 === 4_999) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    closeSync(fd);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let retained = 0;
    let count = 0;
    for await (const item of streamYamlList(file, "events", () => {})) {
      count++;
      if (count % 25_000 === 0) {
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed - baseline);
      }
      expect(item.errors).toEqual([]);
    }
    expect(count).toBe(150_000);
    // The file is ~50 MB (~100 MB as JS strings); what survives a collection mid-stream is a few items and buffers.
    expect(retained).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);
});

describe("streamCheck", () => {
  const fixtures = path.resolve(import.meta.dirname, "../fixtures/datasets");
  // Datasets that build on others (builds-on-*) are never streamed: the loader refuses them there.
  test.each(readdirSync(fixtures).filter((name) => !name.startsWith("builds-on")))(
    "when the fixture %s is checked by streaming, then it reports exactly what the whole-file validator reports",
    async (name) => {
      const whole = await validateDataset(path.join(fixtures, name));
      const streamed = await streamCheck(path.join(fixtures, name));
      expect(streamed.problems).toEqual(whole.problems);
    },
  );

  test("when a generated dataset is checked by streaming, then it has no problem", async () => {
    const { problems, records } = await streamCheck(tiny);
    expect(problems).toEqual([]);
    expect(records).toBeGreaterThan(1_000);
  });
});

describe("loadFailure", () => {
  test("when Neo4j runs out of transaction memory, then the load fails with DATASET_LOAD_FAILED, which the driver does not retry", () => {
    const memory = new Neo4jError("out of memory", "Neo.TransientError.General.MemoryPoolOutOfMemoryError", "", "");
    expect(Neo4jError.isRetryable(memory)).toBe(true);
    const mapped = loadFailure(memory, "dataset/load x");
    expect(mapped).toBeInstanceOf(DatasetLoadError);
    expect(mapped).toMatchObject({ code: "DATASET_LOAD_FAILED" });
    expect((mapped as Error).message).toMatch(/transaction memory/);
    expect(Neo4jError.isRetryable(mapped as Error)).toBe(false);
  });

  test("when the error is anything else, then it is passed on unchanged", () => {
    const other = new Neo4jError("boom", "Neo.ClientError.Schema.ConstraintValidationFailed", "", "");
    expect(loadFailure(other, "x")).toBe(other);
  });
});

describe("settingBytes", () => {
  test("when Neo4j shows a memory setting, then its bytes are read whatever the unit", () => {
    expect(settingBytes("2.00GiB")).toBe(2 * 1024 ** 3);
    expect(settingBytes("768.00MiB")).toBe(768 * 1024 ** 2);
    expect(settingBytes("768m")).toBe(768 * 1024 ** 2);
    expect(settingBytes("805306368")).toBe(805306368);
    expect(settingBytes("0B")).toBe(0);
    expect(settingBytes("unlimited")).toBeUndefined();
  });
});

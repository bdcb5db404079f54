import path from "node:path";
import { describe, expect, test } from "vitest";
import { DatasetInvalidError, readDataset, validateDataset } from "../../server/dataset/validate.js";

const fixture = (name: string) => path.resolve(import.meta.dirname, "../fixtures/datasets", name);

describe("validateDataset", () => {
  test("when the dataset is valid, then it comes back with defaults applied and a checksum", async () => {
    const result = await validateDataset(fixture("valid"));
    expect(result.problems).toEqual([]);
    if (!result.ok) throw new Error("expected a valid dataset");
    expect(result.dataset.actors.map((a) => a.id)).toContain("actor:anna-berg");
    expect(result.dataset.claims.find((c) => c.id === "claim:trade-2023")?.statedBy).toEqual([]);
    expect(result.dataset.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  test("when the seed dataset is checked, then it has no problem", async () => {
    const result = await validateDataset(path.resolve(import.meta.dirname, "../../data/seed"));
    expect(result.problems).toEqual([]);
  });

  // One broken fixture per kind of problem: the code, file, path and field it must be reported with.
  test.each([
    ["missing-file", { code: "FILE_MISSING", file: "claims.yaml", path: "" }],
    ["missing-source", { code: "FILE_MISSING", file: "manifest.yaml", path: "sources[0].file", field: "file" }],
    ["unreadable-source", { code: "FILE_UNREADABLE", file: "manifest.yaml", path: "sources[0].file" }],
    ["yaml-syntax", { code: "YAML_SYNTAX", file: "forums.yaml" }],
    ["unknown-field", { code: "UNKNOWN_FIELD", file: "actors.yaml", path: "actors[4].nickname", field: "nickname" }],
    ["missing-field", { code: "MISSING_FIELD", file: "events.yaml", path: "events[1].kind", field: "kind" }],
    ["invalid-value", { code: "INVALID_VALUE", file: "claims.yaml", path: "claims[3].kind", field: "kind" }],
    ["duplicate-id", { code: "DUPLICATE_ID", file: "actors.yaml", path: "actors[4].id", field: "id" }],
    [
      "dangling-reference",
      { code: "DANGLING_REFERENCE", file: "events.yaml", path: "events[1].participants[1].actor", field: "actor" },
    ],
    [
      "evidence-not-found",
      { code: "EVIDENCE_NOT_FOUND", file: "claims.yaml", path: "claims[3].evidence[0].exact", field: "exact" },
    ],
    [
      "evidence-ambiguous",
      { code: "EVIDENCE_AMBIGUOUS", file: "claims.yaml", path: "claims[4].evidence[0].exact", field: "exact" },
    ],
    [
      "evidence-context-mismatch",
      { code: "EVIDENCE_CONTEXT_MISMATCH", file: "claims.yaml", path: "claims[4].evidence[0].prefix", field: "prefix" },
    ],
    [
      "evidence-in-furniture",
      { code: "EVIDENCE_IN_FURNITURE", file: "forums.yaml", path: "forums[0].evidence[0].exact", field: "exact" },
    ],
    ["invalid-date", { code: "INVALID_DATE", file: "events.yaml", path: "events[1].date.on", field: "on" }],
    ["note-required", { code: "NOTE_REQUIRED", file: "actors.yaml", path: "actors[2].roles[0].note", field: "note" }],
    [
      "furniture-not-found",
      { code: "FURNITURE_NOT_FOUND", file: "manifest.yaml", path: "sources[0].furniture[1]", field: "furniture" },
    ],
    [
      "self-reference",
      { code: "SELF_REFERENCE", file: "claims.yaml", path: "claims[3].contradicts[0].claim", field: "claim" },
    ],
    // U+001C to U+001F are the bulk import's markers: refused in YAML text and in source texts alike.
    ["reserved-character", { code: "INVALID_VALUE", file: "claims.yaml", path: "claims[4].text", field: "text" }],
    ["reserved-character", { code: "INVALID_VALUE", file: "manifest.yaml", path: "sources[0].file", field: "file" }],
  ])("when the dataset is %s, then that problem is reported with its place", async (name, expected) => {
    const result = await validateDataset(fixture(name));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining(expected));
    const located = result.problems.filter((p) => p.path !== "" || p.code === "YAML_SYNTAX");
    for (const problem of located) expect(problem.line).toEqual(expect.any(Number));
  });

  test("when a YAML value is wrong, then the line is the line of that field in its file", async () => {
    const result = await validateDataset(fixture("unknown-field"));
    const problem = result.problems.find((p) => p.code === "UNKNOWN_FIELD");
    const { readFile } = await import("node:fs/promises");
    const lines = (await readFile(path.join(fixture("unknown-field"), "actors.yaml"), "utf8")).split("\n");
    expect(lines[(problem?.line ?? 0) - 1]?.trim()).toBe("nickname: The South");
  });

  test("when several files have problems, then all are reported at once", async () => {
    const result = await validateDataset(fixture("several-problems"));
    expect(result.problems.map((p) => [p.code, p.file])).toEqual(
      expect.arrayContaining([
        ["UNKNOWN_FIELD", "actors.yaml"],
        ["DANGLING_REFERENCE", "events.yaml"],
        ["EVIDENCE_NOT_FOUND", "claims.yaml"],
      ]),
    );
  });
});

describe("readDataset", () => {
  test("when the dataset is invalid, then it throws DATASET_INVALID listing every problem", async () => {
    const error = await readDataset(fixture("several-problems")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetInvalidError);
    expect((error as DatasetInvalidError).code).toBe("DATASET_INVALID");
    expect((error as DatasetInvalidError).problems.length).toBeGreaterThanOrEqual(3);
  });
});

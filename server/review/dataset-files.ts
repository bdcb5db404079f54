/**
 * Checks and loads a compiled dataset (server/review/compile.ts) through the dataset validator and
 * the all-or-nothing loader: its files are written to a fresh temporary folder, used, and removed.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { graphProblems } from "../dataset/external.js";
import { type LoadResult, loadDataset } from "../dataset/load.js";
import { DatasetInvalidError, type Problem, validateDataset } from "../dataset/validate.js";
import type { QueryRunner } from "../neo4j/query-runner.js";
import type { CompiledDataset } from "./compile.js";

/** Runs `work` on the compiled files written to a temporary folder, which is removed afterwards. */
async function inFolder<T>(compiled: CompiledDataset, work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "liaison-compiled-"));
  try {
    for (const file of compiled.files) {
      const target = path.resolve(folder, file.path);
      // The compiler names its files; still, nothing is written outside the folder.
      if (path.relative(folder, target).startsWith(".."))
        throw new Error(`inFolder: "${file.path}" is outside the dataset`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text, "utf8");
    }
    return await work(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Every problem of the compiled dataset: the compiler's own, the validator's, and, for a dataset
 * that builds on others, its references checked against the graph (read-only). Empty: it loads.
 * @example const problems = await validateCompiled(runner, compileDraft(input))
 */
export async function validateCompiled(runner: QueryRunner, compiled: CompiledDataset): Promise<Problem[]> {
  return inFolder(compiled, async (folder) => {
    const validation = await validateDataset(folder);
    if (!validation.ok) return [...compiled.problems, ...validation.problems];
    const check = validation.dataset.graphCheck;
    const inGraph = check
      ? await graphProblems(
          async (query, params) => (await runner.run(query, params)).rows,
          `dataset:${compiled.datasetId}`,
          check,
        )
      : [];
    return [...compiled.problems, ...inGraph];
  });
}

/**
 * Loads the compiled dataset with the transactional loader, all or nothing (a dataset loaded before
 * under its id is replaced). Throws DatasetInvalidError when the compiler left problems, or when the
 * files or the graph check find any; nothing is written then.
 * @example const result = await loadCompiled(runner, compiled)
 */
export async function loadCompiled(runner: QueryRunner, compiled: CompiledDataset): Promise<LoadResult> {
  if (compiled.problems.length > 0) throw new DatasetInvalidError(compiled.datasetId, compiled.problems);
  return inFolder(compiled, (folder) => loadDataset(runner, folder, { mode: "transaction" }));
}

/** Loads the seed dataset at start-up when the database does not hold it yet (same loader as `npm run load`). */
import path from "node:path";
import type { Config } from "../config.js";
import { projectRoot } from "../lib/project-root.js";
import type { QueryRunner } from "../neo4j/query-runner.js";
import { formatCounts, loadedChecksum, progressPrinter, writeRows } from "./load.js";
import { resolveDataset } from "./resolve.js";
import { readDataset } from "./validate.js";

/**
 * Loads `config.LIAISON_SEED_DATASET` (relative to the repository; `none` skips) unless the database
 * already holds a Dataset with its id and checksum. An invalid seed stops start-up (DATASET_INVALID).
 * @example await loadSeedIfMissing(runner, config, (line) => console.log(line))
 */
export async function loadSeedIfMissing(
  runner: QueryRunner,
  config: Pick<Config, "LIAISON_SEED_DATASET">,
  say: (line: string) => void,
): Promise<"skipped" | "present" | "loaded"> {
  if (config.LIAISON_SEED_DATASET === "none") return "skipped";
  const folder = path.resolve(projectRoot, config.LIAISON_SEED_DATASET);
  const dataset = await readDataset(folder);
  const graph = resolveDataset(dataset);
  if ((await loadedChecksum(runner, graph.dataset.id)) === dataset.checksum) return "present";
  say(`Loading the seed dataset from ${path.relative(projectRoot, folder) || folder}…`);
  const result = await writeRows(runner, graph, { progress: progressPrinter(say) });
  say(formatCounts(result));
  return "loaded";
}

/** Loads the seed dataset at start-up when the database does not hold it yet. */
import type { Config } from "../config.js";
import type { QueryRunner } from "../neo4j/query-runner.js";

/** Until the dataset loader lands (issue 3) the graph starts empty. */
export async function loadSeedIfMissing(
  _runner: QueryRunner,
  _config: Config,
  _say: (line: string) => void,
): Promise<void> {}

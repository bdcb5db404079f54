/**
 * Checks and loads a compiled dataset (server/review/compile.ts) through the dataset validator and the
 * all-or-nothing loader. INTERFACE ONLY until branch wt/compile lands; the review endpoints code against it.
 */
import type { LoadResult } from "../dataset/load.js";
import type { Problem } from "../dataset/validate.js";
import type { QueryRunner } from "../neo4j/query-runner.js";
import type { CompiledDataset } from "./compile.js";

/** Writes the files to a temporary folder, validates them, and checks references to existing nodes against the graph. */
export async function validateCompiled(_runner: QueryRunner, _compiled: CompiledDataset): Promise<Problem[]> {
  throw new Error("validateCompiled: not implemented yet (branch wt/compile)");
}

/** Loads the compiled dataset with the transactional loader (a dataset loaded before under its id is replaced). */
export async function loadCompiled(_runner: QueryRunner, _compiled: CompiledDataset): Promise<LoadResult> {
  throw new Error("loadCompiled: not implemented yet (branch wt/compile)");
}

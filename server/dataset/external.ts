/**
 * The check of a dataset that builds on others (manifest `requires`) against the graph: its
 * required datasets are loaded, every id it refers to without defining it is a node of the right
 * label held by a required dataset, and it does not redefine another dataset's records.
 */
import { z } from "zod";
import type { Exec } from "../domain/projections.js";
import { defineQuery } from "../neo4j/query-runner.js";
import { DatasetFiles } from "./schema.js";
import type { Problem } from "./validate.js";

/** Where a dataset names an id: the file, line, path and field a problem about it is reported at. */
export interface IdAt {
  id: string;
  file: string;
  line: number | null;
  path: string;
  field: string | null;
}

/** What the graph must confirm before a dataset with `requires` is written. */
export interface GraphCheck {
  /** Manifest ids of the required datasets (without "dataset:"), where `requires` lists them. */
  requires: IdAt[];
  /** Ids referred to and not defined by the dataset, each where it is referred to. */
  external: IdAt[];
  /** The ids the dataset defines (sources and records), where each is defined. */
  own: IdAt[];
}

const graphIds = defineQuery<{ ids: string[]; datasets: string[] }>("dataset/graph-ids", "READ").rows({
  id: z.string(),
  label: z.string().nullable(),
  datasets: z.array(z.string()),
});

const LABEL_OF_PREFIX: Record<string, string> = {
  actor: "Actor",
  forum: "Forum",
  event: "Event",
  claim: "Claim",
  source: "Source",
};
/** The label an id's prefix names: "actor:wang-yi" → "Actor". */
const labelOf = (id: string) => LABEL_OF_PREFIX[id.slice(0, id.indexOf(":"))] ?? "?";

/**
 * The problems of `check` in the graph `exec` reads (inside the load's transaction, or read-only for
 * a preview); `dataset` is the loading dataset's node id ("dataset:<id>"), whose own earlier load
 * does not count as another dataset.
 * @example const problems = await graphProblems(run, "dataset:source-talks", check)
 */
export async function graphProblems(exec: Exec, dataset: string, check: GraphCheck): Promise<Problem[]> {
  const required = check.requires.map((at) => `dataset:${at.id}`);
  const ids = [...new Set([...check.external, ...check.own].map((at) => at.id))];
  const rows = await exec(graphIds, { ids, datasets: required });
  const loaded = new Set(rows.filter((row) => row.label === "Dataset").map((row) => row.id));
  const nodes = new Map(rows.filter((row) => row.label !== "Dataset").map((row) => [row.id, row]));
  const problems: Problem[] = [];
  const report = (code: Problem["code"], at: IdAt, message: string) =>
    problems.push({ code, file: at.file, line: at.line, path: at.path, field: at.field, message });

  for (const at of check.requires) {
    if (!loaded.has(`dataset:${at.id}`))
      report("REQUIRED_DATASET_MISSING", at, `the required dataset "${at.id}" is not loaded; load it first`);
  }
  for (const at of check.external) {
    const node = nodes.get(at.id);
    const want = labelOf(at.id);
    if (!node) report("DANGLING_REFERENCE", at, `no record has the id "${at.id}", in this dataset or in the graph`);
    else if (node.label !== want)
      report("DANGLING_REFERENCE", at, `"${at.id}" is a ${node.label} in the graph; an ${want} was expected`);
    else if (!node.datasets.some((held) => required.includes(held)))
      report(
        "DANGLING_REFERENCE",
        at,
        `"${at.id}" is in the graph but in none of the required datasets (${check.requires.map((r) => r.id).join(", ")}); it belongs to ${node.datasets.join(", ") || "no dataset"}`,
      );
  }
  for (const at of check.own) {
    const others = nodes.get(at.id)?.datasets.filter((held) => held !== dataset) ?? [];
    if (others.length > 0)
      report(
        "DUPLICATE_ID",
        at,
        `id "${at.id}" is already defined by ${others.join(", ")}; a dataset that builds on others refers to their records without defining them again`,
      );
  }
  // In the validator's order: by file as a dataset lists them, then by line.
  const order = Object.keys(DatasetFiles);
  return problems.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The loader's merge queries are generated from the model (NODE_LABELS, REL_TYPES, REL_ENDS) by
 * the two templates below: a file that drifts fails here, and a new label or type gets its file.
 * `npx vitest run --project unit tests/unit/merge-queries.test.ts --update` writes them again.
 *
 * Why files and not one query with a dynamic label or type (`MERGE (n:$($label) …)`): Neo4j 5.26
 * plans a dynamic label in MATCH or MERGE as AllNodesScan + filter (the id-constraint seek is
 * lost), and MERGE of a dynamic type between two bound nodes, on an empty graph (a first load),
 * as DirectedAllRelationshipsScan + filter, a plan then cached for every batch: a `small` dataset
 * (72 k rows) did not load within the loader's 10-minute timeout that way, where these files took
 * 5 minutes in the same run. Static labels and types always plan NodeUniqueIndexSeek and
 * Expand(Into); tests/integration/dataset-merge.test.ts checks the plans on an empty graph.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { NODE_LABELS, REL_ENDS, REL_TYPES, type RelType } from "../../server/dataset/graph-model.js";
import { cypherDir } from "../../server/neo4j/cypher-files.js";

const datasetDir = path.join(cypherDir, "dataset");

/** The text of `cypher/dataset/merge-<label>-nodes.cypher`. */
const nodeMerge = (
  label: string,
) => `// Creates or updates the ${label} nodes of a dataset: properties are set from the file, and the
// dataset joins the node's \`datasets\` list (sorted, no repeats). Run inside the loader's transaction.
// Generated from tests/unit/merge-queries.test.ts (one file per label: see there why).
// Parameters: rows (list of {id: string, props: map}), dataset (string, e.g. "dataset:moscow-beijing-2025").
// Returns: written (integer), one row.
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
WITH n, row, coalesce(n.datasets, []) AS before
SET n = row.props
SET n.datasets = COLLECT { UNWIND before + [$dataset] AS d RETURN DISTINCT d ORDER BY d }
RETURN count(n) AS written
`;

const nodeFile = (label: string) => path.join(datasetDir, `merge-${label.toLowerCase()}-nodes.cypher`);

describe("cypher/dataset/merge-*-nodes.cypher", () => {
  test.each(NODE_LABELS)(
    "when the model has the label %s, then its merge file is the template's text",
    async (label) => {
      await expect(nodeMerge(label)).toMatchFileSnapshot(nodeFile(label));
    },
  );
});

const either = (labels: readonly string[]) =>
  labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;

/** The text of `cypher/dataset/merge-<type>.cypher` (AT_FORUM → merge-at-forum). */
function relMerge(type: RelType): string {
  const { from, to, key } = REL_ENDS[type];
  const apart = key ? `, one per ${key}` : "";
  const keyed = key ? ` {${key}: row.props.${key}}` : "";
  return `// Creates or updates the ${type} relationships of a dataset (${either(from)} → ${either(to)}${apart}): properties are set from the
// file, and the dataset joins the relationship's \`datasets\` list. Run inside the loader's transaction.
// Generated from tests/unit/merge-queries.test.ts (one file per type: see there why).
// Parameters: rows (list of {from: string, to: string, props: map}), dataset (string).
// Returns: written (integer), one row; fewer than the rows means an endpoint was missing.
UNWIND $rows AS row
MATCH (a:${from.join("|")} {id: row.from})
MATCH (b:${to.join("|")} {id: row.to})
MERGE (a)-[r:${type}${keyed}]->(b)
WITH r, row, coalesce(r.datasets, []) AS before
SET r = row.props
SET r.datasets = COLLECT { UNWIND before + [$dataset] AS d RETURN DISTINCT d ORDER BY d }
RETURN count(r) AS written
`;
}

const relFile = (type: RelType) => path.join(datasetDir, `merge-${type.toLowerCase().replaceAll("_", "-")}.cypher`);

describe("cypher/dataset/merge-<type>.cypher", () => {
  test.each(REL_TYPES)("when the model has the type %s, then its merge file is the template's text", async (type) => {
    await expect(relMerge(type)).toMatchFileSnapshot(relFile(type));
  });

  test("when a merge file exists, then it is a label's, a type's or the Dataset node's", () => {
    const files = readdirSync(datasetDir).filter((name) => name.startsWith("merge-"));
    const expected = [
      ...NODE_LABELS.map((label) => nodeFile(label)),
      ...REL_TYPES.map((type) => relFile(type)),
      path.join(datasetDir, "merge-dataset.cypher"),
    ].map((file) => path.basename(file));
    expect(files.sort()).toEqual(expected.sort());
  });
});

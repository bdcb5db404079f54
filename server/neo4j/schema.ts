/** Applies `cypher/schema.cypher` (constraints and indexes); idempotent, run at every start. */
import { cypher, splitStatements } from "./cypher-files.js";
import { defineQuery, type QueryRunner } from "./query-runner.js";

const awaitIndexes = defineQuery<{ seconds: number }>("await-indexes", "READ").rows({});

/**
 * Runs each schema statement in its own transaction (Neo4j does not mix schema and data), then
 * waits for indexes: a minute by default, longer where indexes are built over a whole imported graph.
 */
export async function applySchema(runner: QueryRunner, options: { awaitSeconds?: number } = {}): Promise<number> {
  const statements = splitStatements(cypher("schema"));
  for (const [index, statement] of statements.entries()) {
    await runner.runText(statement, {}, "WRITE", `schema#${index + 1}`);
  }
  await runner.run(awaitIndexes, { seconds: options.awaitSeconds ?? 60 });
  return statements.length;
}

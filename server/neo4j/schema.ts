/** Applies `cypher/schema.cypher` (constraints and indexes); idempotent, run at every start. */
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { cypher, splitStatements } from "./cypher-files.js";
import { defineQuery, type QueryRunner } from "./query-runner.js";

const awaitIndexes = defineQuery<{ seconds: number }>("await-indexes", "READ").rows({});
const indexStates = defineQuery<Record<string, never>>("index-states", "READ").rows({
  name: z.string(),
  state: z.string(),
});

/** Runs each schema statement in its own transaction (Neo4j does not mix schema and data); returns how many. */
async function createSchema(runner: QueryRunner): Promise<number> {
  const statements = splitStatements(cypher("schema"));
  for (const [index, statement] of statements.entries()) {
    await runner.runText(statement, {}, "WRITE", `schema#${index + 1}`);
  }
  return statements.length;
}

/**
 * Creates the schema, then waits for indexes: a minute by default, longer where indexes are built
 * over a whole imported graph.
 */
export async function applySchema(runner: QueryRunner, options: { awaitSeconds?: number } = {}): Promise<number> {
  const count = await createSchema(runner);
  await runner.run(awaitIndexes, { seconds: options.awaitSeconds ?? 60 });
  return count;
}

/**
 * applySchema, telling when each index came online (seconds after the last statement, polled
 * every quarter second), slowest first: which population a freshly imported store waits for.
 * db.awaitIndexes still has the last word (a failed index, the time limit).
 * @example const slowest = await applySchemaTimed(runner, 3_600) // [{ name: "search_text", seconds: 19.5 }, …]
 */
export async function applySchemaTimed(
  runner: QueryRunner,
  awaitSeconds: number,
): Promise<{ name: string; seconds: number }[]> {
  await createSchema(runner);
  const started = Date.now();
  const online = new Map<string, number>();
  for (;;) {
    const { rows } = await runner.run(indexStates, {});
    const seconds = (Date.now() - started) / 1000;
    for (const { name, state } of rows) if (state === "ONLINE" && !online.has(name)) online.set(name, seconds);
    if (rows.every(({ state }) => state !== "POPULATING") || seconds > awaitSeconds) break;
    await sleep(250);
  }
  await runner.run(awaitIndexes, { seconds: awaitSeconds });
  return [...online].map(([name, seconds]) => ({ name, seconds })).sort((a, b) => b.seconds - a.seconds);
}

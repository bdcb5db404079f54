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

/**
 * Runs each schema statement in its own transaction (Neo4j does not mix schema and data); returns
 * each one's time, by the name of what it creates or drops. A uniqueness constraint returns once
 * its index is populated and checked; an index, at once (it populates in the background).
 */
async function createSchema(runner: QueryRunner): Promise<Timed[]> {
  const statements = splitStatements(cypher("schema"));
  const times: Timed[] = [];
  for (const [index, statement] of statements.entries()) {
    const started = Date.now();
    await runner.runText(statement, {}, "WRITE", `schema#${index + 1}`);
    const name = /(?:CONSTRAINT|INDEX)\s+(\w+)/.exec(statement)?.[1] ?? `schema#${index + 1}`;
    times.push({ name, seconds: (Date.now() - started) / 1000 });
  }
  return times;
}

/** A schema statement's or an index population's time, in seconds. */
type Timed = { name: string; seconds: number };
const slowestFirst = (times: Timed[]) => times.sort((a, b) => b.seconds - a.seconds);

/**
 * Creates the schema, then waits for indexes: a minute by default, longer where indexes are built
 * over a whole imported graph.
 */
export async function applySchema(runner: QueryRunner, options: { awaitSeconds?: number } = {}): Promise<number> {
  const statements = await createSchema(runner);
  await runner.run(awaitIndexes, { seconds: options.awaitSeconds ?? 60 });
  return statements.length;
}

/**
 * applySchema, telling how long each statement took and when each index came online (seconds
 * after the last statement, polled every quarter second), slowest first: where a freshly imported
 * store's wait for its schema goes. db.awaitIndexes still has the last word (a failed index, the
 * time limit).
 * @example const { statements, online } = await applySchemaTimed(runner, 3_600) // online: [{ name: "search_text", seconds: 19.5 }, …]
 */
export async function applySchemaTimed(
  runner: QueryRunner,
  awaitSeconds: number,
): Promise<{ statements: Timed[]; online: Timed[] }> {
  const statements = slowestFirst(await createSchema(runner));
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
  return { statements, online: slowestFirst([...online].map(([name, seconds]) => ({ name, seconds }))) };
}

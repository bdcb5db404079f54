/** `npm run load -- <dataset folder>`: validates a dataset and loads it into Neo4j, all or nothing. */
import path from "node:path";
import { parseArgs } from "node:util";
import type { Driver } from "neo4j-driver";
import { loadConfig, redactUri } from "../config.js";
import { formatCounts, loadDataset, progressPrinter } from "../dataset/load.js";
import { DatasetInvalidError, formatProblem, validateDataset } from "../dataset/validate.js";
import { LiaisonError } from "../lib/errors.js";
import { fromRoot } from "../lib/project-root.js";
import { type BundledNeo4j, startBundledNeo4j } from "../neo4j/bundled.js";
import { connect } from "../neo4j/connect.js";
import { QueryRunner } from "../neo4j/query-runner.js";
import { applySchema } from "../neo4j/schema.js";

const usage = `usage: npm run load -- <dataset folder> [--check]

Validates the dataset (manifest.yaml, actors.yaml, forums.yaml, events.yaml, claims.yaml and the
source texts) and, when it has no problem, loads it in one transaction into the Neo4j the app
uses (NEO4J_URI, or the bundled Neo4j). Loading the same dataset again changes nothing.

  --check   validate only; do not touch the database
  --help    show this text
`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Runs the command; resolves with the exit code (0 loaded or valid, 1 invalid or failed, 2 usage)
 * and sets `process.exitCode`.
 * @example await main(["data/seed", "--check"])
 */
export async function main(args: string[]): Promise<number> {
  const code = await run(args);
  process.exitCode = code;
  return code;
}

async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    err(`load: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    out(usage);
    return 0;
  }
  const [folderArg, ...extra] = parsed.positionals;
  if (!folderArg || extra.length > 0) {
    err(usage);
    return 2;
  }
  const folder = path.resolve(folderArg);

  const validation = await validateDataset(folder);
  if (!validation.ok) {
    err(`load: ${folderArg} has ${validation.problems.length} problem(s); nothing was loaded.`);
    for (const problem of validation.problems) err(`  ${formatProblem(problem)}`);
    return 1;
  }
  const { dataset } = validation;
  out(
    `${folderArg} is valid: ${dataset.actors.length} actors, ${dataset.forums.length} forums, ${dataset.events.length} events, ${dataset.claims.length} claims, ${dataset.sources.length} source(s).`,
  );
  if (parsed.values.check) return 0;

  let bundled: BundledNeo4j | undefined;
  let driver: Driver | undefined;
  try {
    const config = loadConfig();
    if (config.NEO4J_URI) {
      driver = await connect({
        uri: config.NEO4J_URI,
        user: config.NEO4J_USER,
        password: config.NEO4J_PASSWORD ?? "",
        database: config.NEO4J_DATABASE,
      });
      out(`Loading into Neo4j at ${redactUri(config.NEO4J_URI)}…`);
    } else {
      bundled = await startBundledNeo4j({
        home: path.resolve(fromRoot(), config.LIAISON_DATA_DIR, "neo4j"),
        boltPort: config.LIAISON_NEO4J_BOLT_PORT,
        heap: config.LIAISON_NEO4J_HEAP,
        pageCache: config.LIAISON_NEO4J_PAGE_CACHE,
        txMemory: config.LIAISON_NEO4J_TX_MEMORY,
        progress: out,
      });
      driver = await connect({ uri: bundled.uri, user: bundled.user, password: bundled.password });
      out(`Loading into the bundled Neo4j at ${bundled.uri}…`);
    }
    const runner = new QueryRunner(driver, config.NEO4J_DATABASE, config.LIAISON_QUERY_TIMEOUT_MS);
    await applySchema(runner);
    const result = await loadDataset(runner, folder, { progress: progressPrinter(out) });
    out(formatCounts(result));
    return 0;
  } catch (error) {
    if (error instanceof DatasetInvalidError) {
      err(`load: ${folderArg} changed while loading and is now invalid; nothing was loaded.`);
      for (const problem of error.problems) err(`  ${formatProblem(problem)}`);
    } else {
      const message = error instanceof LiaisonError ? error.message : ((error as Error)?.stack ?? String(error));
      err(`load: nothing was loaded: ${message}`);
    }
    return 1;
  } finally {
    await driver?.close().catch(() => {});
    await bundled?.stop();
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
}

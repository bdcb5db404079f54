/** `npm run load -- <dataset folder>`: validates a dataset and loads it into Neo4j, all or nothing. */
import path from "node:path";
import { parseArgs } from "node:util";
import { type Config, loadConfig } from "../config.js";
import { type BulkResult, bulkImport, bulkTarget } from "../dataset/bulk-import.js";
import {
  buildsOnOthers,
  formatCounts,
  loadDataset,
  loadedChecksum,
  progressPrinter,
  willStream,
} from "../dataset/load.js";
import { DatasetLoadError, streamCheck } from "../dataset/stream-load.js";
import { DatasetInvalidError, formatProblem, validateDataset } from "../dataset/validate.js";
import { LiaisonError } from "../lib/errors.js";
import { fromRoot } from "../lib/project-root.js";
import { type OpenNeo4j, openNeo4j } from "../neo4j/open.js";
import { applySchema } from "../neo4j/schema.js";

const usage = `usage: npm run load -- <dataset folder> [--check] [--stream | --bulk]

Validates the dataset (manifest.yaml, actors.yaml, forums.yaml, events.yaml, claims.yaml and the
source texts) and, when it has no problem, loads it into the Neo4j the app uses (NEO4J_URI, or
the bundled Neo4j), all or nothing. Loading the same dataset again changes nothing. A large
dataset (over 32 MB of YAML) is read, checked and written in batches and published at once; into
the bundled Neo4j while it holds no dataset, it goes through Neo4j's bulk importer instead
(docs/loading.md).

  --check   validate only; do not touch the database
  --stream  read, check and load by streaming whatever the dataset's size
  --bulk    load with Neo4j's bulk importer whatever the dataset's size (the bundled Neo4j only,
            and only while it holds no dataset)
  --help    show this text
`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Runs the command; resolves with the exit code (0 loaded or valid, 1 invalid or failed, 2 usage)
 * and sets `process.exitCode`.
 * @example await main(["data/seed", "--check"])
 */
export async function main(args: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const code = await run(args, env);
  process.exitCode = code;
  return code;
}

async function run(args: string[], env: Record<string, string | undefined>): Promise<number> {
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
  const bulkAsked = parsed.values.bulk === true;
  if (bulkAsked && parsed.values.stream) {
    err(`load: --bulk and --stream are two different ways to load; give one.\n${usage}`);
    return 2;
  }
  if ((bulkAsked || parsed.values.stream) && (await buildsOnOthers(folder))) {
    err(
      `load: ${folderArg} builds on other datasets (manifest requires, or evidence.yaml): it adds to their nodes, which --stream and --bulk cannot (they replace a dataset wholesale); load it without them.\n${usage}`,
    );
    return 2;
  }
  // Read only when the database is touched: --check works whatever the configuration.
  let config: Config | undefined;
  try {
    if (!parsed.values.check) config = loadConfig(env);
  } catch (error) {
    err(`load: nothing was loaded: ${(error as Error).message}`);
    return 1;
  }
  if (bulkAsked && config?.NEO4J_URI) {
    err(
      "load: --bulk builds the database files of the bundled Neo4j offline, and NEO4J_URI names a Neo4j Liaison does not own; load without --bulk (by streaming for a large dataset).",
    );
    return 2;
  }

  const streaming = parsed.values.stream === true || bulkAsked || (await willStream(folder));
  let buildsOn = false;
  // The first load of a large dataset into the bundled Neo4j goes through the bulk importer.
  const bulk = bulkAsked || (streaming && !parsed.values.stream && !config?.NEO4J_URI);
  if (streaming) {
    // Too big to hold: checked in one streamed pass here only for --check; a load checks as it goes.
    if (parsed.values.check) {
      const { problems, records } = await streamCheck(folder);
      if (problems.length > 0) {
        err(`load: ${folderArg} has ${problems.length} problem(s); nothing was loaded.`);
        for (const problem of problems) err(`  ${formatProblem(problem)}`);
        return 1;
      }
      out(`${folderArg} is valid: ${records} records (checked by streaming).`);
      return 0;
    }
    if (!bulk)
      out(`${folderArg} is large: it is checked and written in batches, and published at once when it is valid.`);
  } else {
    const validation = await validateDataset(folder);
    buildsOn = validation.ok && validation.dataset.graphCheck !== null;
    if (!validation.ok) {
      err(`load: ${folderArg} has ${validation.problems.length} problem(s); nothing was loaded.`);
      for (const problem of validation.problems) err(`  ${formatProblem(problem)}`);
      return 1;
    }
    const { dataset } = validation;
    out(
      `${folderArg} is valid: ${dataset.actors.length} actors, ${dataset.forums.length} forums, ${dataset.events.length} events, ${dataset.claims.length} claims, ${dataset.sources.length} source(s).`,
    );
    if (dataset.graphCheck)
      out(
        `  it builds on ${dataset.graphCheck.requires.map((r) => r.id).join(", ")}: its ${dataset.graphCheck.external.length} reference(s) to their records are checked in the graph at load.`,
      );
    if (parsed.values.check) return 0;
  }

  if (!config) return 0; // unreachable: only --check leaves it unread, and it returned above
  let neo4j: OpenNeo4j | undefined;
  try {
    neo4j = await openNeo4j(config, out);
    out(`Loading into ${neo4j.description}…`);
    if (bulk) {
      const held = await bulkTarget(neo4j.runner);
      if (held.empty) {
        const result = await loadBulk(config, neo4j, folder);
        neo4j = result.neo4j;
        out(formatCounts(result.result));
        out(`  steps: ${result.result.steps.map(({ step, ms }) => `${step} ${(ms / 1000).toFixed(1)} s`).join(", ")}`);
        return 0;
      }
      if (bulkAsked) {
        err(
          `load: --bulk builds a new database and this one already holds data (${held.nodes} nodes, ${held.datasets} dataset(s)); load without --bulk, or into an empty LIAISON_DATA_DIR.`,
        );
        return 2;
      }
      out(`${folderArg} is large and the database already holds data: it is loaded by streaming.`);
    }
    const { runner } = neo4j;
    await applySchema(runner);
    const result = await loadDataset(runner, folder, {
      progress: progressPrinter(out),
      mode: streaming ? "streaming" : "transaction",
    });
    out(formatCounts(result));
    return 0;
  } catch (error) {
    if (error instanceof DatasetInvalidError) {
      err(
        streaming
          ? `load: ${folderArg} has ${error.problems.length} problem(s); nothing was loaded.`
          : buildsOn
            ? `load: ${folderArg} refers to what the graph does not hold as it says: ${error.problems.length} problem(s); nothing was loaded.`
            : `load: ${folderArg} changed while loading and is now invalid; nothing was loaded.`,
      );
      for (const problem of error.problems) err(`  ${formatProblem(problem)}`);
    } else {
      const message = error instanceof LiaisonError ? error.message : ((error as Error)?.stack ?? String(error));
      err(`load: nothing was loaded: ${message}`);
    }
    return 1;
  } finally {
    await neo4j?.close();
  }
}

/**
 * The bulk path: the import is built and finished beside the served database while its Neo4j
 * keeps running (holding the data folder), then that Neo4j is restarted, which swaps it in.
 */
async function loadBulk(
  config: Config,
  served: OpenNeo4j,
  folder: string,
): Promise<{ result: BulkResult; neo4j: OpenNeo4j }> {
  out(`${path.basename(folder)}: first load into an empty database, through Neo4j's bulk importer.`);
  const result = await bulkImport(folder, {
    home: path.resolve(fromRoot(), config.LIAISON_DATA_DIR, "neo4j"),
    heap: config.LIAISON_NEO4J_HEAP,
    pageCache: config.LIAISON_NEO4J_PAGE_CACHE,
    txMemory: config.LIAISON_NEO4J_TX_MEMORY,
    progress: progressPrinter(out),
    say: out,
  });
  const swapStarted = Date.now();
  await served.close();
  out("Restarting the bundled Neo4j on the imported database…");
  const neo4j = await openNeo4j(config, out);
  await applySchema(neo4j.runner);
  if ((await loadedChecksum(neo4j.runner, result.datasetId)) !== result.checksum) {
    throw new DatasetLoadError(
      `${folder}: the bulk import finished but the restarted Neo4j does not serve it; see ${config.LIAISON_DATA_DIR}/neo4j/logs.`,
    );
  }
  result.steps.push({ step: "swap and restart", ms: Date.now() - swapStarted });
  result.ms += Date.now() - swapStarted;
  return { result, neo4j };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      check: { type: "boolean" },
      stream: { type: "boolean" },
      bulk: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

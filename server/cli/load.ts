/** `npm run load -- <dataset folder>`: validates a dataset and loads it into Neo4j, all or nothing. */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { formatCounts, loadDataset, progressPrinter, willStream } from "../dataset/load.js";
import { streamCheck } from "../dataset/stream-load.js";
import { DatasetInvalidError, formatProblem, validateDataset } from "../dataset/validate.js";
import { LiaisonError } from "../lib/errors.js";
import { type OpenNeo4j, openNeo4j } from "../neo4j/open.js";
import { applySchema } from "../neo4j/schema.js";

const usage = `usage: npm run load -- <dataset folder> [--check] [--stream]

Validates the dataset (manifest.yaml, actors.yaml, forums.yaml, events.yaml, claims.yaml and the
source texts) and, when it has no problem, loads it into the Neo4j the app uses (NEO4J_URI, or
the bundled Neo4j), all or nothing. Loading the same dataset again changes nothing. A large
dataset (over 32 MB of YAML) is read, checked and written in batches and published at once
(docs/loading.md).

  --check   validate only; do not touch the database
  --stream  read, check and load by streaming whatever the dataset's size
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

  const streaming = parsed.values.stream === true || (await willStream(folder));
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
    out(`${folderArg} is large: it is checked and written in batches, and published at once when it is valid.`);
  } else {
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
  }

  let neo4j: OpenNeo4j | undefined;
  try {
    neo4j = await openNeo4j(loadConfig(), out);
    out(`Loading into ${neo4j.description}…`);
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

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { check: { type: "boolean" }, stream: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
}

/** `npm run extract -- <file> [--published YYYY-MM-DD] [--dataset folder]`: prints an article's extraction as JSON. */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { datasetResolver, emptyResolver, extract } from "../extract/index.js";
import { LiaisonError } from "../lib/errors.js";

const usage = `usage: npm run extract -- <text file> [--published YYYY-MM-DD] [--dataset <folder>]

Prints the proposals of an article (actors, forums, places, dates, quantities, statements,
meetings) with their offsets, scores and reasons, as JSON. Without --dataset the recogniser works
alone ("cold"); with it, names resolve to the dataset's actors and forums, offices to its roles
and meetings to its events ("warm").

  --published  the publication date that relative dates ("last July") are read against
  --dataset    a dataset folder whose actors, forums and events are the known ones
  --help       show this text
`;

/**
 * Runs the command; resolves with the exit code (0 done, 1 failed, 2 usage).
 * @example await main(["article.txt", "--published", "2025-05-09"])
 */
export async function main(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    process.stderr.write(`extract: ${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  const published = parsed.values.published;
  if (!file || extra.length > 0 || (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published))) {
    process.stderr.write(usage);
    process.exitCode = 2;
    return 2;
  }
  try {
    const text = await readFile(file, "utf8");
    const resolver = parsed.values.dataset ? await datasetResolver(parsed.values.dataset) : emptyResolver;
    const extraction = await extract({ text, publishedAt: published }, resolver);
    process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
    return 0;
  } catch (error) {
    const message =
      error instanceof LiaisonError || (error as NodeJS.ErrnoException).code ? (error as Error).message : String(error);
    process.stderr.write(`extract: ${message}\n`);
    process.exitCode = 1;
    return 1;
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { published: { type: "string" }, dataset: { type: "string" }, help: { type: "boolean" } },
  });
}

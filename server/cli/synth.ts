/** `npm run synth -- --size tiny|small|medium|large --seed N --out <folder>`: writes a synthetic dataset that `npm run load` takes. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generate } from "../synth/generate.js";
import { isSizeName, SIZES } from "../synth/sizes.js";

const usage = `usage: npm run synth -- --size <${Object.keys(SIZES).join("|")}> --out <folder> [--seed N] [--force]

Writes a synthetic dataset (invented actors, forums, events and claims, with the reports that
evidence them) in the format \`npm run load\` takes. The same size and seed always give the same
files. Sizes, in dataset records: ${Object.entries(SIZES)
  .map(
    ([name, s]) =>
      `${name} ${s.actors.toLocaleString("en")} actors, ${s.events.toLocaleString("en")} events, ${s.claims.toLocaleString("en")} claims`,
  )
  .join("; ")}.

  --size    how big (required)
  --out     the dataset folder to write (required; created if missing)
  --seed    an integer, default 1
  --force   write into a folder that is not empty (dataset files in it are overwritten)
  --help    show this text
`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const thousands = (n: number) => Math.round(n).toLocaleString("en");

/**
 * Runs the command; resolves with the exit code (0 written, 1 failed, 2 usage) and sets `process.exitCode`.
 * @example await main(["--size", "tiny", "--seed", "7", "--out", "/tmp/tiny"])
 */
export async function main(args: string[]): Promise<number> {
  const code = await run(args);
  process.exitCode = code;
  return code;
}

async function run(args: string[]): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    ({ values } = parse(args));
  } catch (error) {
    err(`synth: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    out(usage);
    return 0;
  }
  const size = values.size ?? "";
  const seed = Number(values.seed ?? "1");
  if (!isSizeName(size) || !values.out || !Number.isSafeInteger(seed) || seed < 0) {
    err(
      `synth: ${!isSizeName(size) ? `--size must be one of ${Object.keys(SIZES).join(", ")}` : !values.out ? "--out is required" : "--seed must be a non-negative integer"}\n${usage}`,
    );
    return 2;
  }
  const folder = path.resolve(values.out);
  if (existsSync(folder) && readdirSync(folder).length > 0 && !values.force) {
    err(`synth: ${values.out} is not empty; pass --force to write into it anyway.`);
    return 2;
  }

  out(`Generating ${size} (seed ${seed}) into ${values.out}…`);
  let lastPrinted = 0;
  try {
    const result = await generate({
      size,
      seed,
      out: folder,
      progress: ({ records, total, bytes, elapsedMs }) => {
        if (elapsedMs - lastPrinted < 1_000) return;
        lastPrinted = elapsedMs;
        out(
          `  ${thousands(records)}/${thousands(total)} records, ${thousands(records / (elapsedMs / 1000))} records/s, ${mb(bytes)} written (${(elapsedMs / 1000).toFixed(0)} s)`,
        );
      },
    });
    const seconds = result.ms / 1000;
    const list = (counts: Record<string, number>) =>
      Object.entries(counts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, n]) => `${thousands(n)} ${name}`)
        .join(", ");
    out(
      `Wrote dataset ${result.datasetId}: ${thousands(result.records)} records, ${mb(result.bytes)} in ${seconds.toFixed(1)} s (${thousands(result.records / seconds)} records/s, ${mb(result.bytes / seconds)}/s; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)})`,
    );
    out(`  the loader will write ${thousands(result.counts.totalNodes)} nodes: ${list(result.counts.nodes)}`);
    out(`  and ${thousands(result.counts.totalRelationships)} relationships: ${list(result.counts.relationships)}`);
    out(`Load it with: npm run load -- ${values.out}`);
    return 0;
  } catch (error) {
    err(`synth: ${(error as Error)?.stack ?? String(error)}`);
    return 1;
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: false,
    options: {
      size: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

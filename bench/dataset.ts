/** The benchmark's dataset: a synthetic one generated once per size and seed into .bench-data/ (git-ignored) and reused. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fromRoot } from "../server/lib/project-root.js";

/**
 * The folder of the `size` dataset with `seed`, generating it with `npm run synth` when it is not
 * there yet (a generation cut short leaves no manifest, and is redone).
 * @example await syntheticDataset("small", 1, console.log) // ".../.bench-data/small-seed1"
 */
export async function syntheticDataset(size: string, seed: number, say: (line: string) => void): Promise<string> {
  const folder = fromRoot(".bench-data", `${size}-seed${seed}`);
  if (existsSync(path.join(folder, "manifest.yaml")) && existsSync(path.join(folder, ".complete"))) {
    say(`dataset: reusing ${path.relative(fromRoot(), folder)}`);
    return folder;
  }
  await rm(folder, { recursive: true, force: true });
  say(`dataset: generating ${size} (seed ${seed}) into ${path.relative(fromRoot(), folder)}…`);
  await runNode(
    [
      fromRoot("scripts", "run-built.mjs"),
      "dist/server/cli/synth.js",
      "--size",
      size,
      "--seed",
      String(seed),
      "--out",
      folder,
    ],
    say,
  );
  // Written last: its presence says the generation finished.
  await writeFile(path.join(folder, ".complete"), `${new Date().toISOString()}\n`);
  return folder;
}

/** Runs `node <args>` from the project root, passing its output on, and fails when it fails. */
export function runNode(args: string[], say: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: fromRoot(), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) say(`  ${line}`);
    });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`bench: node ${args.slice(1, 3).join(" ")} exited with ${code}: ${errors.slice(-2000)}`)),
    );
  });
}

/** Finds the repository root (the folder holding Liaison's package.json), from source or from dist/. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "liaison") {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`projectRoot: no Liaison package.json above ${start}`);
    dir = parent;
  }
}

/** Absolute path of the repository root. */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Resolves a path relative to the repository root, e.g. `fromRoot("cypher")`. */
export const fromRoot = (...segments: string[]) => path.resolve(projectRoot, ...segments);

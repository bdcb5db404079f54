/** Loads the app's Cypher from `cypher/*.cypher`, once, by name: no query text lives in TypeScript. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../lib/project-root.js";

export const cypherDir = fromRoot("cypher");

const cache = new Map<string, string>();

/**
 * The text of `cypher/<name>.cypher` (nested names use `/`), read once and cached.
 * @example cypher("health/counts-by-label")
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(cypherDir, `${name}.cypher`), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** Every query name under `cypher/`, for the test that checks each file is used. */
export function allCypherNames(dir = cypherDir, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return allCypherNames(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith(".cypher") ? [`${prefix}${entry.name.slice(0, -".cypher".length)}`] : [];
  });
}

/**
 * Splits a multi-statement file (such as the schema) into statements: a statement ends with `;`
 * at the end of a line; `//` comment lines are dropped.
 */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((statement) =>
      statement
        .split("\n")
        .filter((line) => !line.trim().startsWith("//"))
        .join("\n")
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}

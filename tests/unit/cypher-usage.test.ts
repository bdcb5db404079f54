import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { fromRoot } from "../../server/lib/project-root.js";
import { allCypherNames } from "../../server/neo4j/cypher-files.js";

/** Every TypeScript file of the server and the benchmark. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/**
 * Query names the code loads: `defineQuery<…>("name", …)` and `cypher("name")`. A template
 * literal (`dataset/merge-${…}-nodes`) becomes a pattern that must match at least one file.
 */
function namesUsed(): { names: Set<string>; patterns: RegExp[] } {
  const text = [...sources(fromRoot("server")), ...sources(fromRoot("bench"))]
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  for (const match of text.matchAll(/\b(?:defineQuery\s*(?:<[^()]*?>)?|cypher)\s*\(\s*(["`])([^"`]+)\1/g)) {
    const name = match[2] as string;
    if (match[1] === "`" && name.includes("${")) {
      const parts = name.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
      patterns.push(new RegExp(`^${parts.join(".+")}$`));
    } else names.add(name);
  }
  return { names, patterns };
}

describe("cypher/ and the query modules", () => {
  test("every .cypher file is used by some query module", () => {
    const { names, patterns } = namesUsed();
    const unused = allCypherNames().filter((name) => !names.has(name) && !patterns.some((p) => p.test(name)));
    expect(unused).toEqual([]);
  });

  test("every query a module declares has its .cypher file", () => {
    const files = allCypherNames();
    const { names, patterns } = namesUsed();
    expect([...names].filter((name) => !files.includes(name))).toEqual([]);
    expect(patterns.filter((pattern) => !files.some((file) => pattern.test(file))).map(String)).toEqual([]);
  });
});

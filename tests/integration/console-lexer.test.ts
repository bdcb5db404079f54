import fc from "fast-check";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lexCypher, type Token } from "../../server/console/cypher-lexer.js";
import { testDriver, testNeo4j } from "../support/neo4j.js";

// The console's bounds trust server/console/cypher-lexer.ts to read strings, comments and names
// where Neo4j reads them. These properties check it against the real Neo4j: whenever the lexer
// says a piece of text is one string (or comment, or name), Neo4j must agree, down to its value.

const SEED = 20_261_130;
let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => driver.close());

async function run(query: string): Promise<{ keys: string[]; value: unknown } | { error: string }> {
  const session = driver.session({ database: testNeo4j().database, defaultAccessMode: "READ" });
  try {
    const result = await session.executeRead((tx) => tx.run(query), { timeout: 5_000 });
    return { keys: result.records[0]?.keys.map(String) ?? [], value: result.records[0]?.get(0) };
  } catch (error) {
    return { error: String((error as { code?: string }).code) };
  } finally {
    await session.close();
  }
}

/** A string literal's value as Neo4j 5.26 decodes it: \\ \' \" \b \f \n \r \t; any other \x stays as it is. */
function decode(literal: string): string {
  const body = literal.slice(1, -1);
  const simple: Record<string, string> = {
    "\\": "\\",
    "'": "'",
    '"': '"',
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
  };
  let out = "";
  for (let i = 0; i < body.length; i += 1) {
    const char = body.charAt(i);
    if (char === "\\" && i + 1 < body.length) {
      const next = body.charAt(i + 1);
      out += simple[next] ?? `\\${next}`;
      i += 1;
    } else out += char;
  }
  return out;
}

const shape = (tokens: Token[]) => tokens.map((token) => (token.kind === "word" ? token.text : token.kind)).join(" ");

/** Pieces that confuse naive scanners: quotes, escapes, comment markers, brackets, line terminators. */
const PIECES = [
  "a",
  " ",
  "(",
  ")",
  "[",
  "{",
  "'",
  '"',
  "`",
  "``",
  "\\",
  "\\'",
  '\\"',
  "\\\\",
  "\\u0027",
  "\\\\u0027",
  "/",
  "*",
  "//",
  "/*",
  "*/",
  "\n",
  "\r",
  "\u2028",
  "\u0085",
  ";",
  "=~",
];
const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(""));

describe("the console's lexer, against Neo4j", () => {
  test("when the lexer reads one string literal, then Neo4j reads the same string", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("'", '"'), piecesText, async (quote, body) => {
        const query = `RETURN ${quote}${body}${quote} AS v`;
        let tokens: Token[];
        try {
          tokens = lexCypher(query).tokens;
        } catch {
          return; // a broken \u escape: Neo4j refuses it, and so does the console
        }
        if (shape(tokens) !== "RETURN string AS v") return;
        checked += 1;
        expect(await run(query), query).toEqual({ keys: ["v"], value: decode((tokens[1] as Token).text) });
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(30);
  });

  test("when the lexer reads a comment, then Neo4j skips the same text", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("block", "line"), piecesText, async (kind, body) => {
        const comment = kind === "block" ? `/*${body}*/` : `//${body}\n`;
        const query = `RETURN 1 AS a ${comment}, 2 AS b`;
        let tokens: Token[];
        try {
          tokens = lexCypher(query).tokens;
        } catch {
          return;
        }
        if (shape(tokens) !== "RETURN number AS a comma number AS b") return;
        checked += 1;
        expect(await run(query), query).toMatchObject({ keys: ["a", "b"] });
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(30);
  });

  test("when the lexer reads one `escaped name`, then Neo4j names the column the same", async () => {
    await fc.assert(
      fc.asyncProperty(piecesText, async (body) => {
        const query = `RETURN 1 AS \`${body}\``;
        let tokens: Token[];
        try {
          tokens = lexCypher(query).tokens;
        } catch {
          return;
        }
        if (shape(tokens) !== "RETURN number AS name" || body.length === 0) return;
        const name = (tokens[3] as Token).text.slice(1, -1).replaceAll("``", "`");
        expect(await run(query), query).toMatchObject({ keys: [name] });
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  test("when a // comment holds a line terminator Neo4j does not know (U+2028, U+0085), then the comment goes on", async () => {
    for (const separator of ["\u2028", "\u2029", "\u0085", "\u000b", "\u000c"]) {
      expect(lexCypher(`RETURN 1 AS a // x${separator}, 2 AS b`).tokens).toHaveLength(4);
      expect(await run(`RETURN 1 AS a // x${separator}, 2 AS b`)).toMatchObject({ keys: ["a"] });
    }
  });
});

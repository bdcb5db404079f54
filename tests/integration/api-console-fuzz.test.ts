import fc from "fast-check";
import type { Session } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { testNeo4j } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { type Canary, fingerprint, startCanary } from "./console-attack-fixture.js";

/** Fixed, so a failure can be replayed; CONSOLE_FUZZ_SEED picks another. */
const SEED = Number(process.env.CONSOLE_FUZZ_SEED ?? 20_261_130);
const RUNS = 600;

/** Admin commands and writes as token lists: separators go between the tokens. */
const FORBIDDEN: string[][] = [
  ["SHOW", "TRANSACTIONS"],
  ["SHOW", "TRANSACTIONS", "YIELD", "*"],
  ["TERMINATE", "TRANSACTIONS", "'neo4j-transaction-1'"],
  ["SHOW", "SETTINGS"],
  ["SHOW", "USERS"],
  ["CALL", "dbms.listConfig", "(", ")"],
  ["CALL", "dbms.killConnections", "(", "[", "'bolt-1'", "]", ")"],
  ["CREATE", "USER", "fuzz", "SET", "PASSWORD", "'fuzz-password'"],
  ["CREATE", "(", ":", "Fuzz", ")"],
  ["MERGE", "(", "f", ":", "Fuzz", "{", "id", ":", "1", "}", ")"],
  ["MATCH", "(", "n", ":", "Actor", ")", "SET", "n", ".", "fuzz", "=", "1"],
  ["MATCH", "(", "n", ":", "Actor", ")", "CALL", "(", "n", ")", "{", "SET", "n", ".", "fuzz", "=", "1", "}"],
  ["MATCH", "(", "n", ":", "Passage", ")", "DETACH", "DELETE", "n"],
  ["FOREACH", "(", "x", "IN", "[", "1", "]", "|", "CREATE", "(", ":", "Fuzz", ")", ")"],
  ["LOAD", "CSV", "FROM", "'{{canary}}/fuzz.csv'", "AS", "l", "RETURN", "l"],
  ["CALL", "db.createLabel", "(", "'Fuzz'", ")"],
  ["CREATE", "INDEX", "fuzz", "FOR", "(", "n", ":", "Fuzz", ")", "ON", "(", "n", ".", "id", ")"],
  ["DROP", "INDEX", "search"],
  ["USE", "system", "SHOW", "USERS"],
];

/** Reads that must keep answering whatever genuine whitespace and comments surround their tokens. */
const READS: string[][] = [
  ["MATCH", "(", "n", ":", "Actor", ")", "RETURN", "count", "(", "n", ")", "AS", "n"],
  ["CALL", "db.labels", "(", ")", "YIELD", "label", "RETURN", "label"],
  ["RETURN", "'=~ ((('", "AS", "s"],
  ["UNWIND", "range", "(", "1", ",", "3", ")", "AS", "x", "RETURN", "x"],
];

/** Whitespace as Neo4j's lexer has it (Cypher5Lexer SPACE), including what JavaScript's \s lacks. */
const SPACES = [
  " ",
  "\t",
  "\n",
  "\r",
  "\u000b",
  "\u000c",
  "\u001c",
  "\u001d",
  "\u001e",
  "\u001f",
  "\u00a0",
  "\u1680",
  "\u2000",
  "\u2005",
  "\u200a",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u3000",
];
/** Characters that look like whitespace to someone (JavaScript, Unicode) but not to Neo4j. */
const FAKE_SPACES = ["\u0085", "\ufeff", "\u180e", "\u200b", "\\u0020"];
const commentText = fc.stringMatching(/^[a-zA-Z0-9 ;'"`(){}[\]=~\-+.,]{0,12}$/);

const genuineSeparator = fc.oneof(
  fc.constantFrom(...SPACES),
  commentText.map((text) => `/*${text.replaceAll("*/", "")}*/`),
  fc.tuple(commentText, fc.constantFrom("\n", "\r", "\r\n")).map(([text, end]) => `//${text}${end}`),
);
const anySeparator = fc.oneof(
  { arbitrary: genuineSeparator, weight: 30 },
  { arbitrary: fc.constantFrom(...FAKE_SPACES), weight: 1 },
);
const separators = (separator: fc.Arbitrary<string>) =>
  fc.array(separator, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));

/** Each letter of a keyword in either case (identifiers and strings are left alone). */
const cased = (token: string) =>
  /^[A-Z]+$/.test(token)
    ? fc
        .array(fc.boolean(), { minLength: token.length, maxLength: token.length })
        .map((flips) => [...token].map((char, i) => (flips[i] ? char.toLowerCase() : char)).join(""))
    : fc.constant(token);

const PREFIXES = [
  "",
  "PROFILE",
  "EXPLAIN",
  "EXPLAIN PROFILE",
  "CYPHER runtime=slotted",
  "CYPHER 5",
  "CYPHER debug=tostring",
  "CYPHER runtime=slotted PROFILE",
  "\\u0050ROFILE",
];

/** A statement's tokens in random keyword case, joined by random separators, after a random prefix. */
function wrapped(statements: string[][], separator: fc.Arbitrary<string>, prefixes: string[]) {
  return fc
    .tuple(
      fc.constantFrom(...statements),
      // Half without a prefix, so that most runs reach Neo4j's planner rather than the text checks.
      fc.oneof({ arbitrary: fc.constant(""), weight: prefixes.length }, fc.constantFrom(...prefixes)),
      separators(separator),
    )
    .chain(([tokens, prefix, lead]) =>
      fc
        .tuple(
          fc.tuple(...tokens.map(cased)),
          fc.array(separators(separator), { minLength: tokens.length, maxLength: tokens.length }),
        )
        .map(
          ([words, gaps]) =>
            `${prefix}${prefix ? lead : ""}${words.map((word, i) => word + (gaps[i] ?? " ")).join("")}`,
        ),
    );
}

let api: SeededApi;
let canary: Canary;
let before: Record<string, unknown>;
let bystander: { session: Session; tx: ReturnType<Session["beginTransaction"]> };

beforeAll(async () => {
  api = await seededApi({ LIAISON_CONSOLE_TIMEOUT_MS: "2000" });
  canary = await startCanary();
  before = await fingerprint(api.driver);
  const session = api.driver.session({ database: testNeo4j().database });
  const tx = session.beginTransaction({ metadata: { app: "bystander" } });
  await tx.run("RETURN 1");
  bystander = { session, tx };
  console.info(`console fuzz: seed ${SEED}, ${RUNS} runs (CONSOLE_FUZZ_SEED=${SEED} replays them)`);
});
afterAll(async () => {
  await bystander?.tx.rollback().catch(() => {});
  await bystander?.session.close();
  await canary?.close();
  await api?.close();
});

describe("POST /api/cypher: fuzzed spellings", () => {
  test("when an admin command or a write is wrapped in any whitespace, comment, prefix or keyword case, then it never runs", async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(wrapped(FORBIDDEN, anySeparator, PREFIXES), async (query) => {
        const { status, body } = await api.server.post("/api/cypher", {
          query: query.replaceAll("{{canary}}", canary.url),
        });
        seen.set(status, (seen.get(status) ?? 0) + 1);
        expect([400, 403, 422], JSON.stringify({ query, body })).toContain(status);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.info(`console fuzz: statuses ${JSON.stringify(Object.fromEntries(seen))}`);
    expect(await fingerprint(api.driver)).toEqual(before);
    expect(canary.hits).toEqual([]);
    expect((await bystander.tx.run("RETURN 1 AS one")).records).toHaveLength(1);
  });

  test("when a read is wrapped in genuine whitespace and comments in any keyword case, then it still answers", async () => {
    await fc.assert(
      fc.asyncProperty(wrapped(READS, genuineSeparator, [""]), async (query) => {
        const { status, body } = await api.server.post("/api/cypher", { query });
        expect(status, JSON.stringify({ query, body })).toBe(200);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

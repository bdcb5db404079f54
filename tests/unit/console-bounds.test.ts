import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { lexCypher, tokenize, unescapeUnicode } from "../../server/console/cypher-lexer.js";
import { MAX_NESTING } from "../../server/console/nesting.js";
import { MAX_PARAM_DEPTH } from "../../server/console/param-bounds.js";
import { checkQueryText, MAX_RANGE_ELEMENTS } from "../../server/console/query-bounds.js";
import { jsonDepth as paramDepth } from "../../server/lib/json-depth.js";
import { fromRoot } from "../../server/lib/project-root.js";

const LIMIT = 20_000;
const reason = (text: string) => checkQueryText(text, LIMIT)?.reason;
const unescaped = (text: string) => unescapeUnicode(text).text;
const kinds = (text: string) => tokenize(text).map((token) => `${token.kind}:${token.text}`);

describe("unescapeUnicode", () => {
  test("when a \\u escape is not itself escaped, then it is replaced, in strings and comments alike", () => {
    expect(unescapeUnicode("RETURN \\u0028 1 \\u0029")).toEqual({ text: "RETURN ( 1 )", escapes: [7, 11] });
    expect(unescaped("'a\\u0027")).toBe("'a'");
    expect(unescaped("// x \\u000a y")).toBe("// x \n y");
  });

  test("when the backslash follows an unescaped backslash, then it is left alone", () => {
    expect(unescaped("\\\\u0028")).toBe("\\\\u0028");
    expect(unescaped("\\\\\\u0028")).toBe("\\\\(");
  });

  test("when the hex is signed or cut short at the end, then it is read as Java's parseInt reads it", () => {
    expect(unescaped("\\u+028")).toBe("(");
    expect(unescaped("x\\u28")).toBe("x(");
    expect(unescaped("\\u-001")).toBe("\uffff");
  });

  test("when a replaced character is a backslash, then it does not escape what follows", () => {
    expect(unescaped("\\u005c\\u0028")).toBe("\\(");
  });

  test("when \\u is not followed by hex digits, then it throws", () => {
    expect(() => unescapeUnicode("\\uZZZZ")).toThrow();
    expect(() => unescapeUnicode("\\u")).toThrow();
  });
});

describe("tokenize", () => {
  test("when brackets are inside strings, names or comments, then they are not tokens", () => {
    expect(kinds("RETURN '((' AS `a(`, \"[\" // (\n/* { */ 1")).toEqual([
      "word:RETURN",
      "string:'(('",
      "word:AS",
      "name:`a(`",
      "comma:,",
      'string:"["',
      "number:1",
    ]);
  });

  test("when a string has escapes, then a backslash takes the next character, whatever it is", () => {
    expect(kinds("'a\\'(' (")).toEqual(["string:'a\\'('", "open:("]);
    expect(kinds("'a\\\\' (")).toEqual(["string:'a\\\\'", "open:("]);
  });

  test("when a backtick name doubles a backtick, then the name goes on", () => {
    expect(kinds("`a``(` (")).toEqual(["name:`a``(`", "open:("]);
  });

  test("when a // comment meets \\r, then it ends; \\u2028 and \\u0085 do not end it", () => {
    expect(kinds("// x\r(")).toEqual(["open:("]);
    expect(kinds("// x\u2028( \u0085 (")).toEqual([]);
  });

  test("when a /* comment holds another /*, then the first */ ends it", () => {
    expect(kinds("/* /* */ ( */")).toEqual(["open:(", "symbol:*", "symbol:/"]);
  });

  test("when a quote, backtick or /* is never closed, then it is one character and lexing goes on", () => {
    expect(kinds("RETURN 'a (")).toEqual(["word:RETURN", "symbol:'", "word:a", "open:("]);
    expect(kinds("` (")).toEqual(["symbol:`", "open:("]);
    expect(kinds("/* (")).toEqual(["symbol:/", "symbol:*", "open:("]);
  });

  test("when unicode whitespace separates words, then they are separate tokens", () => {
    expect(kinds("MATCH\u00a0(n)\u2003SET\u3000x")).toEqual([
      "word:MATCH",
      "open:(",
      "word:n",
      "close:)",
      "word:SET",
      "word:x",
    ]);
  });

  test("when =~ is written, then it is one token; = ~ is two", () => {
    expect(kinds("a =~ b = ~c")).toEqual(["word:a", "symbol:=~", "word:b", "symbol:=", "symbol:~", "word:c"]);
  });

  test("when the text escapes its brackets as \\u0028, then lexCypher sees brackets", () => {
    expect(lexCypher("\\u0028\\u005b").tokens.map((token) => token.kind)).toEqual(["open", "open"]);
  });
});

describe("checkQueryText: nesting", () => {
  const parens = (n: number) => `RETURN ${"(".repeat(n)}1${")".repeat(n)}`;

  test("when brackets nest within the budget, then the query passes; past it, then 400 too-deep", () => {
    expect(reason(parens(40))).toBeUndefined();
    expect(checkQueryText(parens(MAX_NESTING + 1), LIMIT)).toMatchObject({ status: 400, reason: "too-deep" });
  });

  test("when brackets hide in strings and comments, then they do not count", () => {
    expect(reason(`RETURN '${"(".repeat(500)}' /* ${"[".repeat(500)} */ AS x`)).toBeUndefined();
  });

  test("when closing brackets hide in strings, then they cannot lower the count", () => {
    const text = `RETURN ${"(".repeat(300)}')))))))))))))))))))))))))))))))' ${")".repeat(300)}`;
    expect(reason(text)).toBe("too-deep");
  });

  test("when a closer does not match its opener, then it closes nothing", () => {
    expect(reason(`RETURN ${"(]".repeat(100)}`)).toBe("too-deep");
  });

  test.each([
    ["property chains", `WITH {a: 1} AS m RETURN m${".a".repeat(100)}`],
    ["string concatenation", `RETURN 'a'${" || 'a'".repeat(100)}`],
    ["NOT chains", `RETURN ${"NOT ".repeat(100)}true`],
    ["AND chains", `RETURN true${" AND true".repeat(300)}`],
    ["ORs before a deep operand", `RETURN ${"true OR ".repeat(200)}${"(".repeat(20)}true${")".repeat(20)}`],
    ["CASE nesting", `RETURN ${"CASE WHEN true THEN ".repeat(70)}1${" END".repeat(70)}`],
    ["CALL subqueries", `${"CALL { ".repeat(20)}RETURN 1 AS x${" } RETURN x".repeat(20)}`],
    ["UNION chains", `RETURN 1 AS x${" UNION RETURN 1 AS x".repeat(40)}`],
    ["WITH chains", `WITH 1 AS a ${"WITH a + 1 AS a ".repeat(30)}RETURN a`],
    ["maps", `RETURN ${"{a: ".repeat(30)}1${"}".repeat(30)}`],
  ])("when %s go deep without parentheses, then they count too", (_name, text) => {
    expect(reason(text)).toBe("too-deep");
  });

  test("when many siblings are separated by commas, then they do not add up", () => {
    const items = Array.from({ length: 300 }, (_, i) => `n.p${i} AS c${i}`).join(", ");
    expect(reason(`MATCH (n) RETURN ${items}`)).toBeUndefined();
    expect(reason(`RETURN [${Array.from({ length: 2000 }, (_, i) => `(${i})`).join(",")}]`)).toBeUndefined();
    expect(reason(`RETURN CASE ${"WHEN $x = 1 THEN 'a' ".repeat(100)} END AS c`)).toBeUndefined();
    expect(
      reason(`MATCH (n) WHERE ${Array.from({ length: 150 }, (_, i) => `n.id = 'a${i}'`).join(" OR ")} RETURN n`),
    ).toBeUndefined();
  });

  test("when the app's own read queries are checked, then none is near the budget", () => {
    // Read queries only: the loader's writes and schema.cypher (index and constraint statements, run one by one at start) are not console-shaped.
    const folder = fromRoot("cypher");
    const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter(
      (file) => file.endsWith(".cypher") && !file.startsWith("dataset") && file !== "schema.cypher",
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const refusal = checkQueryText(readFileSync(path.join(folder, file), "utf8"), LIMIT);
      expect(refusal?.reason, file).not.toBe("too-deep");
    }
  });
});

describe("checkQueryText: unicode escapes", () => {
  test.each([
    ["a keyword", "\\u0050ROFILE SHOW TRANSACTIONS"],
    ["the first token (Neo4j would read it from its last hex digit)", "\\u0052ETURN 1 AS x"],
    ["brackets", `RETURN ${"\\u0028".repeat(300)}1${")".repeat(300)}`],
    ["an operator", "RETURN 'a' =\\u007e 'b'"],
    ["a string's closing quote", "RETURN 'a\\u0027 + 1 AS x"],
    ["a comment's end", "RETURN 1 AS x // \\u000a, 2 AS y"],
    ["a statement separator", "RETURN 1 AS x\\u003b SHOW TRANSACTIONS"],
  ])("when an escape writes %s, then 403 unicode-escape", (_name, text) => {
    expect(checkQueryText(text, LIMIT)).toMatchObject({ status: 403, reason: "unicode-escape" });
  });

  test("when escapes stand inside a string or an escaped name, then they pass", () => {
    expect(reason("RETURN 'caf\\u00e9 \\u0028' AS `n\\u00e9`")).toBeUndefined();
    expect(reason("RETURN 'a\\\\u0028' AS s")).toBeUndefined();
  });
});

describe("checkQueryText: other bounds", () => {
  test("when the text is longer than the limit, then 400 query-too-long", () => {
    expect(checkQueryText(`RETURN '${"x".repeat(100)}'`, 50)).toMatchObject({ status: 400, reason: "query-too-long" });
  });

  test("when a \\u escape is broken, then 400 invalid-unicode-escape", () => {
    expect(checkQueryText("RETURN '\\uZZZZ'", LIMIT)).toMatchObject({ status: 400, reason: "invalid-unicode-escape" });
  });

  test.each([
    ["PROFILE MATCH (n) RETURN n", "execution-mode"],
    ["explain MATCH (n) RETURN n", "execution-mode"],
    ["/* c */ PROFILE MATCH (n) RETURN n", "execution-mode"],
    ["// c\rPROFILE MATCH (n) RETURN n", "execution-mode"],
    ["\u3000\u2028PROFILE SHOW TRANSACTIONS", "execution-mode"],
    ["CYPHER runtime=slotted MATCH (n) RETURN n", "query-options"],
    ["cypher debug=tostring SHOW TRANSACTIONS", "query-options"],
  ])("when the text starts with a pre-parser keyword (%s), then 403 %s", (text, expected) => {
    expect(checkQueryText(text, LIMIT)).toMatchObject({ status: 403, reason: expected });
  });

  test.each(["RETURN $s =~ '(.*a){20}'", "MATCH (n) WHERE n.name =~ $re RETURN n"])(
    "when the text holds a regex match (%s), then 403 regex",
    (text) => {
      expect(checkQueryText(text, LIMIT)).toMatchObject({ status: 403, reason: "regex" });
    },
  );

  test("when =~ only appears in a string, a comment or as = ~, then it is no regex", () => {
    expect(reason("RETURN '=~' AS a // =~")).toBeUndefined();
    expect(reason("RETURN 'a' = ~ 'b'")).toBeUndefined();
  });

  test.each(["RETURN reduce(s = 0, x IN [1, 2] | s + x)", "RETURN REDUCE (s = '', x IN $l | s + s)"])(
    "when the text calls reduce (%s), then 403 reduce",
    (text) => {
      expect(checkQueryText(text, LIMIT)).toMatchObject({ status: 403, reason: "reduce" });
    },
  );

  test("when range() is UNWIND's list, then any bounds pass; elsewhere only small literal ones", () => {
    expect(reason("UNWIND range(1, 1000000000) AS x RETURN count(*)")).toBeUndefined();
    expect(reason("UNWIND range(0, size($l) - 1) AS i RETURN i")).toBeUndefined();
    expect(reason("RETURN [x IN range(0, 9) | x * 2] AS l")).toBeUndefined();
    expect(reason(`RETURN range(1, ${MAX_RANGE_ELEMENTS}) AS l`)).toBeUndefined();
    expect(reason(`RETURN range(1, ${MAX_RANGE_ELEMENTS + 1}) AS l`)).toBe("range");
    expect(reason("RETURN range(-5, 5, -1) AS l")).toBeUndefined();
    expect(reason("RETURN size([x IN range(1, 100000000) WHERE x < 0]) AS n")).toBe("range");
    expect(reason("RETURN any(x IN range(1, $n) WHERE x < 0) AS a")).toBe("range");
    expect(reason("RETURN range(1, 10, 0) AS l")).toBe("range");
  });

  test.each([
    "RETURN [x IN $l | [y IN $l | y]] AS l",
    "RETURN [x IN $l WHERE any(y IN $l WHERE y = x)] AS l",
    "RETURN all(x IN $l WHERE size([(a)-->(b) | b]) > 0) AS l",
    "RETURN [x IN $l WHERE EXISTS { MATCH (n) }] AS l",
    "RETURN [x IN $l | COUNT { MATCH (n) }] AS l",
    "MATCH (a), (b) RETURN [x IN $l | shortestPath((a)-[*]-(b))] AS l",
  ])("when a list loop holds another loop or a sub-plan (%s), then 403 nested-iteration", (text) => {
    expect(checkQueryText(text, LIMIT)).toMatchObject({ status: 403, reason: "nested-iteration" });
  });

  test.each([
    "MATCH p = (a)-[*..3]-(b) RETURN [n IN nodes(p) | n.name] AS names",
    "MATCH (a) WHERE any(label IN labels(a) WHERE label = 'Actor') RETURN a",
    "MATCH (a) RETURN [(a)-->(b) | b.name] AS names",
    "MATCH (a) WHERE EXISTS { MATCH (a)-->(b) WHERE any(x IN keys(b) WHERE x = 'name') } RETURN a",
    "MATCH (a:Actor) RETURN a.name, COUNT { (a)-->() } AS degree ORDER BY degree DESC LIMIT 5",
  ])("when a loop or sub-plan stands alone (%s), then it passes", (text) => {
    expect(reason(text)).toBeUndefined();
  });
});

describe("paramDepth", () => {
  test("when parameters nest, then their depth is counted without recursion", () => {
    expect(paramDepth({}, MAX_PARAM_DEPTH)).toBe(1);
    expect(paramDepth({ ids: ["a", "b"], m: { k: [1] } }, MAX_PARAM_DEPTH)).toBe(3);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(paramDepth({ deep }, MAX_PARAM_DEPTH)).toBe(MAX_PARAM_DEPTH + 1);
  });
});

/** Checks a console query's text before Neo4j sees it: length, nesting depth, and the constructs whose cost Neo4j cannot stop. */
import { InvalidUnicodeEscapeError, lexCypher, type Token } from "./cypher-lexer.js";

/**
 * Nesting budget, in units of the estimate below. Measured on Neo4j 5.26.30 (default 1 MB thread
 * stacks): its parser or planner overflows its stack, and then never answers and holds the Bolt
 * connection, at about 300 nested `(` or `[`, 250 nested maps, 200 nested `(…)` patterns,
 * 175 nested function calls, 185 nested CASE, 48 nested `CALL {}` subqueries, 194 chained
 * `.prop`, 200 chained `||`, 1000 chained AND, 100 UNIONs, 200–380 chained WITH clauses. Each of
 * those is at least ~175 units here (a `{` counts 3 because subqueries cost ~4× a bracket), so 64
 * stays under a third of the smallest, a margin for a colder JVM and for constructs combined.
 */
export const MAX_NESTING = 64;
/** `range()` outside UNWIND is evaluated inside one expression, which Neo4j does not interrupt; it may make this many elements. */
export const MAX_RANGE_ELEMENTS = 10_000;

/** Why the text was refused; `status` 400 for a malformed or oversized input, 403 for a construct the console does not run. */
export interface TextRefusal {
  status: 400 | 403;
  reason:
    | "query-too-long"
    | "invalid-unicode-escape"
    | "too-deep"
    | "execution-mode"
    | "query-options"
    | "regex"
    | "reduce"
    | "range"
    | "nested-iteration"
    | "multiple-statements"
    | "unicode-escape";
  message: string;
  details?: Record<string, unknown>;
}

/** Keywords that start a clause: clauses chain (each one deepens the plan) and are not reset by a comma. */
const CLAUSES = new Set(
  (
    "MATCH OPTIONAL WHERE WITH RETURN UNWIND CALL UNION ORDER SKIP LIMIT OFFSET YIELD USE LOAD FOREACH CREATE MERGE SET " +
    "DELETE DETACH NODETACH REMOVE FINISH SHOW TERMINATE FILTER LET ALTER DROP GRANT DENY REVOKE START STOP INSERT"
  ).split(" "),
);
/** Keywords that are operators: a chain of them is a chain of nested expressions, until a comma. */
const OPERATOR_WORDS = new Set("NOT IN IS STARTS ENDS CONTAINS AS WHEN THEN ELSE".split(" "));
/** Inside CASE, these separate alternatives (siblings), as a comma does elsewhere. */
const CASE_SEPARATORS = new Set(["WHEN", "THEN", "ELSE"]);
const MATCHING: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
/** Expressions that loop over a list inside one evaluation (no interruption between elements). */
const LIST_LOOPS = new Set(["ALL", "ANY", "NONE", "SINGLE", "REDUCE"]);
/** Expressions that run a sub-plan or a path search per evaluation. */
const SUBQUERY_EXPRESSIONS = new Set(["EXISTS", "COUNT", "COLLECT"]);
const PATH_SEARCHES = new Set(["SHORTESTPATH", "ALLSHORTESTPATHS"]);

/** Boolean operators: each nests one level, but a level costs Neo4j about a quarter of a bracket's (1,000+ chained ANDs, 1,250 ORs). */
const BOOLEANS = new Set(["AND", "OR", "XOR"]);
const BOOLEANS_PER_UNIT = 4;

/** What a token does to the nesting estimate, decided once (it depends on the brackets open before it). */
type Step =
  | { kind: "push"; weight: number; segment: number }
  | { kind: "pop" }
  | { kind: "separator"; segment: number }
  | { kind: "boolean" | "clause" | "operator" | "none" };

/** A word's or an escaped name's text, upper case, for keyword checks; "" for other tokens. */
function keyword(token: Token | undefined): string {
  if (!token) return "";
  if (token.kind === "word") return token.text.toUpperCase();
  if (token.kind === "name") return token.text.slice(1, -1).replaceAll("``", "`").toUpperCase();
  return "";
}

const isName = (token: Token | undefined) => token?.kind === "word" || token?.kind === "name";

/** Index of the token closing the bracket opened at `open`, or tokens.length when it is never closed. */
function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind === "open") depth += 1;
    else if (token.kind === "close") {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return tokens.length;
}

/** The integer value of `n`, `-n` or `+n` made of one or two tokens, or undefined when it is anything else. */
function integerLiteral(tokens: Token[]): number | undefined {
  const [first, second, ...rest] = tokens;
  if (rest.length > 0 || !first) return undefined;
  const sign = second ? (first.kind === "symbol" && (first.text === "-" || first.text === "+") ? first.text : "") : "";
  const digits = second ? (sign ? second : undefined) : first;
  if (digits?.kind !== "number" || !/^[0-9][0-9_]*$/.test(digits.text)) return undefined;
  const value = Number(digits.text.replaceAll("_", ""));
  return sign === "-" ? -value : value;
}

/**
 * The first escape (offset in the unescaped text, ascending) that does not lie strictly inside a
 * string or escaped name. Unicode escapes are accepted there only: anywhere else one could open or
 * close a string, a comment or a bracket, or hide a keyword, and the first token of a statement
 * written with one is misplaced by Neo4j's pre-parser (`\u0052ETURN` is read from `2ETURN`).
 */
function strayEscape(tokens: Token[], escapes: number[]): number | undefined {
  let index = 0;
  for (const offset of escapes) {
    while (index < tokens.length && (tokens[index] as Token).start + (tokens[index] as Token).text.length <= offset) {
      index += 1;
    }
    const token = tokens[index];
    const inside =
      token !== undefined &&
      (token.kind === "string" || token.kind === "name") &&
      offset > token.start &&
      offset < token.start + token.text.length - 1;
    if (!inside) return offset;
  }
  return undefined;
}

/** Splits the tokens between two brackets at their top-level commas. */
function splitArguments(tokens: Token[]): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === "open") depth += 1;
    if (token.kind === "close") depth -= 1;
    if (token.kind === "comma" && depth === 0) args.push([]);
    else args[args.length - 1]?.push(token);
  }
  return args;
}

/** How many elements `range(args)` makes, when every argument is an integer literal. */
function rangeSize(args: Token[][]): number | undefined {
  const values = args.map(integerLiteral);
  if (values.length < 2 || values.length > 3 || values.some((value) => value === undefined)) return undefined;
  const [start, end, step = 1] = values as number[];
  if (step === 0) return undefined;
  return Math.max(0, Math.floor(((end as number) - (start as number)) / step) + 1);
}

/** Pass one: each token's step, and how many boolean operators each comma-separated segment holds. */
function steps(tokens: Token[]): { steps: Step[]; booleans: number[] } {
  const stack: { opener: string; segment: number }[] = [{ opener: "", segment: 0 }];
  const booleans = [0];
  const top = () => stack[stack.length - 1] as { opener: string; segment: number };
  const newSegment = () => booleans.push(0) - 1;
  const out = tokens.map((token): Step => {
    const word = token.kind === "word" ? keyword(token) : "";
    const opener = token.kind === "open" ? token.text : word === "CASE" ? "CASE" : "";
    if (opener) {
      const segment = newSegment();
      stack.push({ opener, segment });
      return { kind: "push", weight: opener === "{" ? 3 : 1, segment };
    }
    // A closer that does not match its opener is not trusted to close anything: counting stays high.
    const closes = token.kind === "close" ? MATCHING[token.text] : word === "END" ? "CASE" : undefined;
    if (closes !== undefined && stack.length > 1 && top().opener === closes) {
      stack.pop();
      return { kind: "pop" };
    }
    if (token.kind === "comma" || (top().opener === "CASE" && CASE_SEPARATORS.has(word))) {
      top().segment = newSegment();
      return { kind: "separator", segment: top().segment };
    }
    if (BOOLEANS.has(word)) {
      booleans[top().segment] = (booleans[top().segment] ?? 0) + 1;
      return { kind: "boolean" };
    }
    if (CLAUSES.has(word)) return { kind: "clause" };
    if (token.kind === "symbol" ? token.text !== ";" : OPERATOR_WORDS.has(word)) return { kind: "operator" };
    return { kind: "none" };
  });
  return { steps: out, booleans };
}

/**
 * The nesting estimate: the sum, over every open bracket (and CASE), of its weight plus the
 * clauses met at its level, the operators met since the last comma or boolean operator, and a
 * quarter of all the boolean operators of the current comma-separated stretch (counted from its
 * start, since in `a OR b OR c` the first operand is the deepest). It never counts less than the
 * depth of the tree Neo4j builds, in those units: every level of that tree needs a bracket, a
 * clause or an operator token; commas only ever separate siblings; and an operand of AND, OR or
 * XOR is a sibling of the operands before it.
 */
function nesting(tokens: Token[]): number {
  const { steps: plan, booleans } = steps(tokens);
  interface Frame {
    weight: number;
    clauses: number;
    ops: number;
    booleanUnits: number;
  }
  const units = (segment: number) => Math.ceil((booleans[segment] ?? 0) / BOOLEANS_PER_UNIT);
  const stack: Frame[] = [{ weight: 0, clauses: 0, ops: 0, booleanUnits: units(0) }];
  let total = units(0);
  let deepest = total;
  const top = () => stack[stack.length - 1] as Frame;
  for (const step of plan) {
    const frame = top();
    if (step.kind === "push") {
      const child = { weight: step.weight, clauses: 0, ops: 0, booleanUnits: units(step.segment) };
      stack.push(child);
      total += child.weight + child.booleanUnits;
    } else if (step.kind === "pop") {
      stack.pop();
      total -= frame.weight + frame.clauses + frame.ops + frame.booleanUnits;
    } else if (step.kind === "separator") {
      total += units(step.segment) - frame.ops - frame.booleanUnits;
      frame.ops = 0;
      frame.booleanUnits = units(step.segment);
    } else if (step.kind === "boolean") {
      total -= frame.ops;
      frame.ops = 0;
    } else if (step.kind === "clause") {
      frame.clauses += 1;
      total += 1;
    } else if (step.kind === "operator") {
      frame.ops += 1;
      total += 1;
    }
    deepest = Math.max(deepest, total);
  }
  return deepest;
}

/**
 * Refuses the expressions whose cost Neo4j cannot bound: it checks the transaction's timeout
 * between rows, never inside one expression, and TERMINATE does not reach into one either.
 * - `=~`: Java's regex backtracks exponentially (`$s =~ '(.*a){20}'` on 40 characters kept a core
 *   busy for 80+ s after the timeout). Neo4j's lexer has no other spelling of it (`= ~` is a
 *   syntax error). CONTAINS, STARTS WITH, ENDS WITH and the full-text index (Lucene's regexes are
 *   automata) do the same jobs in bounded time.
 * - `reduce()`: an accumulator doubles a string or list per element; 31 elements filled the heap and
 *   took the database down.
 * - `range()` outside `UNWIND range(…) AS x`: lazy and up to 2^63 long; a comprehension or
 *   quantifier over it runs unstopped (200M elements: 13 s past a 1 s timeout) or fills the heap.
 *   UNWIND yields its rows one by one, between which Neo4j does check the timeout. Elsewhere only
 *   integer literals making at most MAX_RANGE_ELEMENTS elements pass.
 * - a list loop (comprehension, quantifier) around another loop, a pattern comprehension, a
 *   subquery expression or a shortest-path search multiplies the work inside one evaluation.
 */
function unboundedConstruct(tokens: Token[]): TextRefusal | undefined {
  const loops: number[] = []; // close-token indexes of the list loops we are inside
  for (let index = 0; index < tokens.length; index += 1) {
    while (loops.length > 0 && index > (loops[loops.length - 1] as number)) loops.pop();
    const token = tokens[index] as Token;
    const next = tokens[index + 1];
    const word = keyword(token);
    if (token.kind === "symbol" && token.text === "=~") {
      return {
        status: 403,
        reason: "regex",
        message:
          "regular expressions (=~) are not available in the console: their cost has no bound and Neo4j cannot stop them. Use CONTAINS, STARTS WITH or ENDS WITH, or the full-text index (CALL db.index.fulltext.queryNodes).",
      };
    }
    const call = isName(token) && next?.kind === "open" && next.text === "(";
    if (call && word === "REDUCE") {
      return {
        status: 403,
        reason: "reduce",
        message:
          "reduce() is not available in the console: one expression can grow without bound and Neo4j cannot stop it. Use UNWIND with sum(), collect() or another aggregation.",
      };
    }
    if (call && word === "RANGE" && keyword(tokens[index - 1]) !== "UNWIND") {
      const close = matchingClose(tokens, index + 1);
      const size = rangeSize(splitArguments(tokens.slice(index + 2, close)));
      if (size === undefined || size > MAX_RANGE_ELEMENTS) {
        return {
          status: 403,
          reason: "range",
          message: `range() inside an expression needs integer literals making at most ${MAX_RANGE_ELEMENTS} elements: Neo4j cannot stop one expression. Use UNWIND range(…) AS x, which it can.`,
          details: { limit: MAX_RANGE_ELEMENTS },
        };
      }
    }
    const comprehension =
      token.kind === "open" &&
      token.text === "[" &&
      ((isName(next) && keyword(tokens[index + 2]) === "IN" && tokens[index + 2]?.kind === "word") ||
        (next?.kind === "open" && next.text === "(") ||
        (isName(next) && tokens[index + 2]?.text === "=" && tokens[index + 3]?.text === "("));
    const listLoop = (call && LIST_LOOPS.has(word)) || (comprehension && keyword(tokens[index + 2]) === "IN");
    const iterates =
      listLoop ||
      comprehension ||
      (call && PATH_SEARCHES.has(word)) ||
      (isName(token) && SUBQUERY_EXPRESSIONS.has(word) && next?.kind === "open" && next.text === "{");
    if (iterates && loops.length > 0) {
      return {
        status: 403,
        reason: "nested-iteration",
        message:
          "a list comprehension or quantifier may not contain another loop, pattern comprehension, subquery or path search in the console: Neo4j cannot stop one expression. Use UNWIND to turn the outer list into rows.",
      };
    }
    if (listLoop) loops.push(matchingClose(tokens, comprehension ? index : index + 1));
  }
  return undefined;
}

/**
 * Checks the text of a console query; undefined when it may be planned.
 * @example checkQueryText("RETURN 'a' =~ 'b'", 20000)?.reason === "regex"
 */
export function checkQueryText(text: string, maxLength: number): TextRefusal | undefined {
  if (text.length > maxLength) {
    return {
      status: 400,
      reason: "query-too-long",
      message: `the query has ${text.length} characters; the console takes at most ${maxLength}.`,
      details: { length: text.length, limit: maxLength },
    };
  }
  let tokens: Token[];
  let escapes: number[];
  try {
    ({ tokens, escapes } = lexCypher(text));
  } catch (error) {
    if (!(error instanceof InvalidUnicodeEscapeError)) throw error;
    return {
      status: 400,
      reason: "invalid-unicode-escape",
      message: `\\u at offset ${error.offset} is not followed by four hexadecimal digits.`,
      details: { offset: error.offset },
    };
  }
  const stray = strayEscape(tokens, escapes);
  if (stray !== undefined) {
    return {
      status: 403,
      reason: "unicode-escape",
      message:
        "a \\u escape is only taken inside a string or a `name` in the console; write the character itself. Neo4j replaces escapes before it reads the query, and its pre-parser places the statement's start differently when one opens it.",
      details: { offset: stray },
    };
  }
  const depth = nesting(tokens);
  if (depth > MAX_NESTING) {
    return {
      status: 400,
      reason: "too-deep",
      message: `the query nests too deeply (${depth} levels of brackets, clauses and chained operators; at most ${MAX_NESTING}). Neo4j's parser fails without answering on deep nesting.`,
      details: { depth, limit: MAX_NESTING },
    };
  }
  const first = keyword(tokens[0]);
  if (tokens[0]?.kind === "word" && (first === "EXPLAIN" || first === "PROFILE")) {
    return {
      status: 403,
      reason: "execution-mode",
      message: `${first} is not available in the console: it plans every query itself and runs exactly the text you sent.`,
    };
  }
  if (tokens[0]?.kind === "word" && first === "CYPHER") {
    return {
      status: 403,
      reason: "query-options",
      message: "query options (CYPHER …) are not available in the console.",
    };
  }
  const separator = tokens.findIndex((token) => token.kind === "symbol" && token.text === ";");
  if (separator !== -1 && separator < tokens.length - 1) {
    return { status: 403, reason: "multiple-statements", message: "the console runs one statement at a time." };
  }
  return unboundedConstruct(tokens);
}

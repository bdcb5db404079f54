/** Checks a console query's text before Neo4j sees it: length, nesting depth, and the constructs whose cost Neo4j cannot stop. */
import { InvalidUnicodeEscapeError, keyword, lexCypher, type Token } from "./cypher-lexer.js";
import { MAX_NESTING, nesting } from "./nesting.js";

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

/** Expressions that loop over a list inside one evaluation (no interruption between elements). */
const LIST_LOOPS = new Set(["ALL", "ANY", "NONE", "SINGLE", "REDUCE"]);
/** Expressions that run a sub-plan or a path search per evaluation. */
const SUBQUERY_EXPRESSIONS = new Set(["EXISTS", "COUNT", "COLLECT"]);
const PATH_SEARCHES = new Set(["SHORTESTPATH", "ALLSHORTESTPATHS"]);

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
